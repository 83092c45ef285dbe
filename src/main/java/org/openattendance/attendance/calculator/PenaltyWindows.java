package org.openattendance.attendance.calculator;

import static org.openattendance.attendance.calculator.AttendanceCalculator.PENALTY_THRESHOLD_SESSIONS;
import static org.openattendance.attendance.calculator.AttendanceCalculator.PENALTY_WINDOW_SCHOOL_WEEKS;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The rolling penalty-notice window: the school week containing the end date plus the school
 * weeks before it, ten in all (weeks without a school session are skipped), up to the end date.
 */
final class PenaltyWindows {

    private PenaltyWindows() {
    }

    static PenaltyThresholdStatus status(IndexedMarks marks, SessionCalendar calendar, LocalDate endDate, boolean[] qualifying) {
        long end = endDate.toEpochDay();
        int lastWeek = calendar.latestSchoolWeekOnOrBefore(end);
        if (lastWeek < 0) {
            return new PenaltyThresholdStatus(0, endDate, endDate, false, 0);
        }
        int firstWeek = firstWeekOfWindow(lastWeek);
        long start = calendar.schoolWeekMonday(firstWeek);
        int sessions = marks.count(start, end, qualifying);
        return new PenaltyThresholdStatus(sessions, LocalDate.ofEpochDay(start), endDate,
                sessions >= PENALTY_THRESHOLD_SESSIONS, lastWeek - firstWeek + 1);
    }

    /**
     * The first day in the period on which the threshold became met (met that day, not the day
     * before). The count can only rise on a day with a qualifying mark, so only those days are tried.
     */
    static Optional<LocalDate> firstDateMet(IndexedMarks marks, SessionCalendar calendar, ReportingPeriod period,
            boolean[] qualifying) {
        long[] days = marks.daysMatching(qualifying);
        long to = period.to().toEpochDay();
        for (int i = lowerBound(days, period.from().toEpochDay()); i < days.length && days[i] <= to; i++) {
            long day = days[i];
            boolean sameDayAsPrevious = i > 0 && days[i - 1] == day;
            if (!sameDayAsPrevious
                    && sessionsInWindow(days, calendar, day) >= PENALTY_THRESHOLD_SESSIONS
                    && sessionsInWindow(days, calendar, day - 1) < PENALTY_THRESHOLD_SESSIONS) {
                return Optional.of(LocalDate.ofEpochDay(day));
            }
        }
        return Optional.empty();
    }

    private static int sessionsInWindow(long[] days, SessionCalendar calendar, long end) {
        int lastWeek = calendar.latestSchoolWeekOnOrBefore(end);
        if (lastWeek < 0) {
            return 0;
        }
        long start = calendar.schoolWeekMonday(firstWeekOfWindow(lastWeek));
        return lowerBound(days, end + 1) - lowerBound(days, start);
    }

    private static int firstWeekOfWindow(int lastWeek) {
        return Math.max(0, lastWeek - (PENALTY_WINDOW_SCHOOL_WEEKS - 1));
    }

    private static int lowerBound(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
