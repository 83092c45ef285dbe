package org.openattendance.leave;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.openattendance.school.SchoolDays;
import org.openattendance.shared.London;
import org.springframework.stereotype.Component;

/**
 * When the office's check and the headteacher's decision of a leave request fall due, on the school's own calendar:
 * counted in school days, so that a request made on a Friday is not due for its check on the Sunday, and the answer
 * a family needs before a Monday departure is due on the Friday afternoon, not on the Sunday.
 */
@Component
class LeaveDueDates {

    static final int CHECK_SCHOOL_DAYS = 2;
    static final int DECISION_SCHOOL_DAYS = 5;
    /** The decision is due by the end of the school day before the leave starts. */
    static final LocalTime END_OF_SCHOOL_DAY = LocalTime.of(16, 0);

    private final SchoolDays schoolDays;

    LeaveDueDates(SchoolDays schoolDays) {
        this.schoolDays = schoolDays;
    }

    /** Two school days after the request, at the same time of day. */
    Date check(String schoolUrn, Date now) {
        return schoolDaysLater(schoolUrn, now, CHECK_SCHOOL_DAYS);
    }

    /**
     * Five school days after the request, but by the end of the last school day before the leave starts when that is
     * sooner (the family needs the answer before they go), and never sooner than the next school day.
     */
    Date decision(String schoolUrn, Date now, LocalDate firstDayOfLeave) {
        Date inFiveSchoolDays = schoolDaysLater(schoolUrn, now, DECISION_SCHOOL_DAYS);
        LocalDate lastSchoolDayBefore = schoolDays.before(schoolUrn, firstDayOfLeave, 1);
        Date dayBefore = Date.from(lastSchoolDayBefore.atTime(END_OF_SCHOOL_DAY).atZone(London.ZONE).toInstant());
        Date nextSchoolDay = schoolDaysLater(schoolUrn, now, 1);
        Date due = dayBefore.before(inFiveSchoolDays) ? dayBefore : inFiveSchoolDays;
        return due.before(nextSchoolDay) ? nextSchoolDay : due;
    }

    private Date schoolDaysLater(String schoolUrn, Date now, int days) {
        ZonedDateTime at = now.toInstant().atZone(London.ZONE);
        LocalDate day = schoolDays.after(schoolUrn, at.toLocalDate(), days);
        return Date.from(day.atTime(at.toLocalTime()).atZone(London.ZONE).toInstant());
    }
}
