package org.openattendance.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openattendance.attendance.calculator.AttendanceCalculator;
import org.openattendance.attendance.calculator.AttendanceFigures;
import org.openattendance.attendance.calculator.EnrolmentDates;
import org.openattendance.attendance.calculator.Mark;
import org.openattendance.attendance.calculator.ReportingPeriod;
import org.openattendance.shared.AcademicYear;

/**
 * Works out one pupil's weekly rows for one academic year from their marks, with the attendance calculator: the
 * calculator decides what counts as possible, attended, authorised and unauthorised (from the code table), and
 * only marks while the pupil is on roll count (from the admission date, to the deletion date). Rows run without gaps
 * from the week the pupil came on roll (or the year began) to the week of {@code asOf}, a pupil who has left
 * included, so the year to date of every pupil of the year is found in the latest week. Pure: no Spring, no database.
 */
final class WeeklyRows {

    /** Arrival after the register closed is recorded as U (RULES.md section 1). */
    static final String LATE_AFTER_REGISTER_CLOSED = "U";

    /** Who the pupil is, as the rows record it. */
    record Pupil(long pupilId, String schoolUrn, int yearGroup, int cohorts, EnrolmentDates enrolment) {
    }

    private final AttendanceCalculator calculator;

    WeeklyRows(AttendanceCalculator calculator) {
        this.calculator = calculator;
    }

    List<PupilWeek> of(Pupil pupil, List<Mark> marks, AcademicYear year, LocalDate asOf) {
        LocalDate last = min(year.lastDay(), asOf);
        LocalDate first = max(year.firstDay(), pupil.enrolment().admissionDate());
        if (first.isAfter(last)) {
            return List.of();
        }
        LocalDate onRollTo = pupil.enrolment().leavingDate() == null ? last : min(last, pupil.enrolment().leavingDate());
        var byWeek = new TreeMap<LocalDate, List<Mark>>();
        for (Mark mark : marks) {
            if (!mark.date().isBefore(first) && !mark.date().isAfter(onRollTo)) {
                byWeek.computeIfAbsent(WeekCodes.monday(mark.date()), w -> new ArrayList<>()).add(mark);
            }
        }
        var rows = new ArrayList<PupilWeek>();
        Sessions toDate = Sessions.NONE;
        var codesToDate = new TreeMap<String, Integer>();
        for (LocalDate monday = WeekCodes.monday(first); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            List<Mark> weekMarks = byWeek.getOrDefault(monday, List.of());
            Sessions week = sessions(weekMarks, pupil.enrolment(), max(monday, year.firstDay()), min(monday.plusDays(6), last));
            toDate = toDate.plus(week);
            String codes = WeekCodes.encode(monday, weekMarks);
            WeekCodes.count(codes).forEach((code, n) -> codesToDate.merge(code, n, Integer::sum));
            rows.add(new PupilWeek(pupil.pupilId(), year.toString(), monday, pupil.schoolUrn(), pupil.yearGroup(),
                    pupil.cohorts(), week, codes, toDate, WeekCodes.encodeCounts(codesToDate)));
        }
        return rows;
    }

    /** The sessions of the given marks between two dates, counted by the calculator; late = the U sessions. */
    Sessions sessions(List<Mark> marks, EnrolmentDates enrolment, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return Sessions.NONE;
        }
        AttendanceFigures figures = calculator.figures(marks, enrolment, new ReportingPeriod(from, to));
        int late = 0;
        for (Mark mark : marks) {
            if (LATE_AFTER_REGISTER_CLOSED.equals(mark.code()) && !mark.date().isBefore(from) && !mark.date().isAfter(to)) {
                late++;
            }
        }
        return new Sessions(figures.possible(), figures.attended(), figures.authorised(), figures.unauthorised(), late);
    }

    /** Sessions by code of a week's row between two dates (the part of the week a period covers). */
    static Map<String, Integer> codes(PupilWeek row, LocalDate from, LocalDate to) {
        return WeekCodes.count(row.weekStart(), row.codes(), from, to);
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
