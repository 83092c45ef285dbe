package org.openattendance.attendance;

import java.time.LocalDate;
import java.util.List;

import org.openattendance.attendance.calculator.SchoolDayStreak;
import org.openattendance.register.RegisterQueries;
import org.openattendance.shared.AcademicYear;

/**
 * The N marks of this year that first-day contact is no longer chasing: those before the current run of unexplained
 * absence (an N loaded late for an earlier day, or N left on the register when a run ended). N is provisional: the
 * school has 5 school days to replace it with a reason (RULES.md section 1). An N of a morning whose register is still
 * open is neither: the pupil may still arrive.
 */
record UnresolvedAbsence(int sessions, LocalDate from, LocalDate to) {

    static final UnresolvedAbsence NONE = new UnresolvedAbsence(0, null, null);
    static final String UNEXPLAINED = "N";

    static UnresolvedAbsence before(List<RegisterQueries.PupilMark> marks, SchoolDayStreak run, AcademicYear year,
                                    LocalDate admission, LocalDate morningsClosedThrough) {
        LocalDate start = admission != null && admission.isAfter(year.firstDay()) ? admission : year.firstDay();
        LocalDate runStart = run.firstDay();
        int sessions = 0;
        LocalDate from = null;
        LocalDate to = null;
        for (RegisterQueries.PupilMark mark : marks) {
            LocalDate day = mark.date();
            if (!UNEXPLAINED.equals(mark.code()) || day.isBefore(start) || day.isAfter(morningsClosedThrough)
                    || (runStart != null && !day.isBefore(runStart))) {
                continue;
            }
            sessions++;
            from = from == null || day.isBefore(from) ? day : from;
            to = to == null || day.isAfter(to) ? day : to;
        }
        return sessions == 0 ? NONE : new UnresolvedAbsence(sessions, from, to);
    }
}
