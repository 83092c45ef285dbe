package org.openattendance.attendance.calculator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point: attendance figures and bands, the penalty-notice threshold, continuous
 * unexplained absence and illness for one pupil. Pure Java, immutable and thread-safe; the code
 * table and the policy code sets are inputs, never hard-coded. Every method is O(marks) for one
 * pupil (plus a sort of the pupil's marks).
 *
 * <p>Marks: the current code for each (date, session), at most one per session; an unknown code
 * or a second mark for a session throws {@link IllegalArgumentException}.
 *
 * <p>Figures and illness sessions are per enrolment: only marks from max(admission, period start)
 * to min(leaving, period end, as-of) count, both ends inclusive. The penalty window and the
 * streaks follow the marks and the calendar only (marks outside an enrolment should not exist).
 */
public final class AttendanceCalculator {

    /** National Framework codes, the default; the set is POLICY. */
    public static final Set<String> DEFAULT_PENALTY_CODES = Set.of("G", "N", "O", "U");
    public static final Set<String> DEFAULT_UNEXPLAINED_CODES = Set.of("N");
    public static final Set<String> DEFAULT_ILLNESS_CODES = Set.of("I");
    public static final int PENALTY_THRESHOLD_SESSIONS = 10;
    public static final int PENALTY_WINDOW_SCHOOL_WEEKS = 10;

    private final CodeTable codes;
    private final AttendancePolicy policy;
    private final boolean[] penaltyCodes;
    private final boolean[] unexplainedCodes;
    private final boolean[] illnessCodes;

    public AttendanceCalculator(CodeTable codes) {
        this(codes, AttendancePolicy.DEFAULT);
    }

    /** @throws IllegalArgumentException if a policy code is not in the code table */
    public AttendanceCalculator(CodeTable codes, AttendancePolicy policy) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.penaltyCodes = codes.mask(policy.penaltyCodes(), "Penalty");
        this.unexplainedCodes = codes.mask(policy.unexplainedCodes(), "Unexplained-absence");
        this.illnessCodes = codes.mask(policy.illnessCodes(), "Illness");
    }

    public AttendancePolicy policy() {
        return policy;
    }

    /** Possible, attended and absent sessions from max(admission, period start) to min(leaving, period end). */
    public AttendanceFigures figures(Collection<Mark> marks, EnrolmentDates enrolment, ReportingPeriod period) {
        return figures(index(marks), onRoll(enrolment, period, period.to()));
    }

    /** The penalty-notice window ending on {@code endDate}, with the policy's qualifying codes. */
    public PenaltyThresholdStatus penaltyThreshold(Collection<Mark> marks, SessionCalendar calendar, LocalDate endDate) {
        return PenaltyWindows.status(index(marks), calendar, endDate, penaltyCodes);
    }

    public PenaltyThresholdStatus penaltyThreshold(Collection<Mark> marks, SessionCalendar calendar, LocalDate endDate,
            Set<String> qualifyingCodes) {
        return PenaltyWindows.status(index(marks), calendar, endDate, codes.mask(qualifyingCodes, "Penalty"));
    }

    /** The first date in the period on which the threshold became met (met that day, not the day before). */
    public Optional<LocalDate> firstDatePenaltyThresholdMet(Collection<Mark> marks, SessionCalendar calendar,
            ReportingPeriod period) {
        return PenaltyWindows.firstDateMet(index(marks), calendar, period, penaltyCodes);
    }

    public Optional<LocalDate> firstDatePenaltyThresholdMet(Collection<Mark> marks, SessionCalendar calendar,
            ReportingPeriod period, Set<String> qualifyingCodes) {
        return PenaltyWindows.firstDateMet(index(marks), calendar, period, codes.mask(qualifyingCodes, "Penalty"));
    }

    /** The current run of school days coded only with the policy's unexplained codes, as of a date. */
    public SchoolDayStreak unexplainedStreak(Collection<Mark> marks, SessionCalendar calendar, LocalDate asOf) {
        return StreakFinder.current(index(marks), codes, calendar, asOf, unexplainedCodes);
    }

    public SchoolDayStreak unexplainedStreak(Collection<Mark> marks, SessionCalendar calendar, LocalDate asOf,
            Set<String> unexplained) {
        return StreakFinder.current(index(marks), codes, calendar, asOf, codes.mask(unexplained, "Unexplained-absence"));
    }

    /** Illness sessions on roll in the period up to {@code asOf}, and the current illness streak as of {@code asOf}. */
    public IllnessSummary illness(Collection<Mark> marks, SessionCalendar calendar, EnrolmentDates enrolment,
            ReportingPeriod period, LocalDate asOf) {
        return illness(index(marks), calendar, onRoll(enrolment, period, asOf), asOf);
    }

    /**
     * The current run of unexplained absence, where a morning of unexplained absence on the latest marked day counts
     * as a day once that morning's register has closed, before the afternoon is registered (first-day contact).
     *
     * @param morningsClosedThrough the last day whose morning register has closed: {@code asOf} once the school's
     *                              register-closing time has passed that day, else the day before
     */
    public SchoolDayStreak unexplainedRun(Collection<Mark> marks, SessionCalendar calendar, LocalDate asOf,
            LocalDate morningsClosedThrough) {
        return StreakFinder.current(index(marks), codes, calendar, asOf, unexplainedCodes, morningsClosedThrough);
    }

    /**
     * Everything for one pupil as of a date; figures and illness cover the period up to {@code asOf}. A morning of
     * unexplained absence on the latest marked day counts in the run from the day after (see
     * {@link #unexplainedRun}); the overload with {@code morningsClosedThrough} says when the as-of day's closed.
     */
    public PupilSummary summarise(Collection<Mark> marks, SessionCalendar calendar, EnrolmentDates enrolment,
            ReportingPeriod period, LocalDate asOf) {
        return summarise(marks, calendar, enrolment, period, asOf, asOf.minusDays(1));
    }

    public PupilSummary summarise(Collection<Mark> marks, SessionCalendar calendar, EnrolmentDates enrolment,
            ReportingPeriod period, LocalDate asOf, LocalDate morningsClosedThrough) {
        IndexedMarks indexed = index(marks);
        DayRange onRoll = onRoll(enrolment, period, asOf);
        return new PupilSummary(asOf,
                figures(indexed, onRoll),
                PenaltyWindows.status(indexed, calendar, asOf, penaltyCodes),
                StreakFinder.current(indexed, codes, calendar, asOf, unexplainedCodes, morningsClosedThrough),
                illness(indexed, calendar, onRoll, asOf));
    }

    /**
     * As above, for a pupil who joined with marks from another setting (from a Common Transfer File): those dated
     * before admission count toward the penalty threshold only (the National Framework's 10 school weeks may span
     * schools), and the weeks they fall in are school weeks; they never count in this school's figures or streaks.
     */
    public PupilSummary summarise(Collection<Mark> marks, SessionCalendar calendar, EnrolmentDates enrolment,
            ReportingPeriod period, LocalDate asOf, Collection<Mark> otherSettingMarks) {
        return summarise(marks, calendar, enrolment, period, asOf, otherSettingMarks, asOf.minusDays(1));
    }

    public PupilSummary summarise(Collection<Mark> marks, SessionCalendar calendar, EnrolmentDates enrolment,
            ReportingPeriod period, LocalDate asOf, Collection<Mark> otherSettingMarks, LocalDate morningsClosedThrough) {
        PupilSummary own = summarise(marks, calendar, enrolment, period, asOf, morningsClosedThrough);
        List<Mark> earlier = otherSettingMarks.stream()
                .filter(m -> m.date().isBefore(enrolment.admissionDate())).toList();
        if (earlier.isEmpty()) {
            return own;
        }
        List<Mark> both = new ArrayList<>(marks.size() + earlier.size());
        marks.stream().filter(m -> !m.date().isBefore(enrolment.admissionDate())).forEach(both::add);
        both.addAll(earlier);
        SessionCalendar spanning = calendar.withEarlierSessions(enrolment.admissionDate(), earlier);
        return new PupilSummary(own.asOf(), own.figures(),
                PenaltyWindows.status(index(both), spanning, asOf, penaltyCodes),
                own.unexplainedAbsence(), own.illness());
    }

    private IndexedMarks index(Collection<Mark> marks) {
        return IndexedMarks.of(marks, codes);
    }

    private AttendanceFigures figures(IndexedMarks marks, DayRange range) {
        if (range.isEmpty()) {
            return AttendanceFigures.NONE;
        }
        int attended = 0;
        int authorised = 0;
        int unauthorised = 0;
        for (int i = marks.firstIndexOnOrAfter(range.from()), end = marks.firstIndexAfter(range.to()); i < end; i++) {
            int id = marks.codeId(i);
            if (!codes.countsAsPossible(id)) {
                continue;
            }
            if (codes.countsAsAttended(id)) {
                attended++;
            } else if (codes.category(id) == CodeCategory.AUTHORISED) {
                authorised++;
            } else {
                unauthorised++;
            }
        }
        return AttendanceFigures.fromCounts(attended, authorised, unauthorised);
    }

    private IllnessSummary illness(IndexedMarks marks, SessionCalendar calendar, DayRange range, LocalDate asOf) {
        int sessions = range.isEmpty() ? 0 : marks.count(range.from(), range.to(), illnessCodes);
        return new IllnessSummary(sessions, BigDecimal.valueOf(sessions * 5L, 1),
                StreakFinder.current(marks, codes, calendar, asOf, illnessCodes));
    }

    private static DayRange onRoll(EnrolmentDates enrolment, ReportingPeriod period, LocalDate asOf) {
        long from = Math.max(period.from().toEpochDay(), enrolment.admissionDate().toEpochDay());
        long to = Math.min(period.to().toEpochDay(), asOf.toEpochDay());
        if (enrolment.leavingDate() != null) {
            to = Math.min(to, enrolment.leavingDate().toEpochDay());
        }
        return new DayRange(from, to);
    }

    private record DayRange(long from, long to) {
        boolean isEmpty() {
            return from > to;
        }
    }
}
