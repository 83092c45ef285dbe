package org.openattendance.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.openattendance.school.SchoolDays;
import org.openattendance.shared.London;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demonstration data only (the demo profile's cases at several stages and ages): moves a case back in time, as if it
 * had been opened and worked that much earlier. Its opening, timeline and stage history move back, and so do the due
 * dates of its open tasks (with the "due ..." the timeline gave them) and of its timers; a timer that has passed runs,
 * as it would have then: a manager's "Overdue" task, a support plan's review. Nothing in the application's own work
 * calls it. Letters and e-mails already sent keep their dates (they belong to the notification module).
 */
@Component
public class CaseHistoryShift {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final JdbcTemplate jdbc;
    private final CaseEngine engine;
    private final CaseStore records;
    private final SchoolDays schoolDays;

    CaseHistoryShift(JdbcTemplate jdbc, CaseEngine engine, CaseStore records, SchoolDays schoolDays) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.records = records;
        this.schoolDays = schoolDays;
    }

    /**
     * Moves the case back by whole days, then runs the timers that have passed; answers how many ran. A due date (or a
     * timer) moved back onto a weekend or a holiday moves on to the next school day at the same time, as the steps
     * would have given it then: due dates are counted in school days.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveBack(UUID caseId, int days) {
        var kase = records.find(caseId).orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
        jdbc.update("update attendance_case set opened_at = opened_at - make_interval(days => ?), "
                + "closed_at = closed_at - make_interval(days => ?) where id = ?", days, days, caseId);
        jdbc.update("update case_event set at = at - make_interval(days => ?) where case_id = ?", days, caseId);
        jdbc.update("update case_stage_history set entered_at = entered_at - make_interval(days => ?) where case_id = ?",
                days, caseId);
        UnaryOperator<LocalDate> onASchoolDay = day -> schoolDays.dueAfter(kase.schoolUrn(), day.minusDays(days), 0);
        jdbc.query("select id, detail from case_event where case_id = ? and kind = 'TASK' and detail like 'due %'", rs -> {
            String moved = dueMovedBack(rs.getString(2), onASchoolDay);
            if (moved != null) {
                jdbc.update("update case_event set detail = ? where id = ?", moved, rs.getLong(1));
            }
        }, caseId);
        if (kase.processInstanceId() == null) {
            return 0;
        }
        engine.moveDueDatesBack(kase.processInstanceId(), due -> {
            var at = due.toInstant().atZone(London.ZONE);
            return Date.from(at.with(onASchoolDay.apply(at.toLocalDate())).toInstant());
        });
        return engine.runDueTimers(kase.processInstanceId());
    }

    /**
     * Runs the case's timer on this element of the model now, as if its date had come (a support plan's review date,
     * {@code review-date}, counted on this year's calendar from the day the plan was really made); answers whether the
     * case was waiting for it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean runTimerNow(UUID caseId, String activityId) {
        var kase = records.find(caseId).orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
        return kase.processInstanceId() != null && engine.runTimerNow(kase.processInstanceId(), activityId);
    }

    /**
     * Runs the timers of the case's process and of the processes it called (the legal stages) that are due by now,
     * earliest first, as they would have run: with {@link org.openattendance.shared.AsOf} a day in the past, the
     * timers of that day (a penalty notice's 28 days from receipt, a task's due date). Answers how many ran.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int runDueTimers(UUID caseId) {
        var kase = records.find(caseId).orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
        return kase.processInstanceId() == null ? 0 : engine.runDueTimersOfAllCalled(kase.processInstanceId());
    }

    /** Whether a case of these schools was opened before {@code before} (the demo's cases were moved back already). */
    @Transactional(readOnly = true)
    public boolean anyOpenedBefore(Collection<String> schoolUrns, Instant before) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from attendance_case where "
                + "school_urn = any(?) and opened_at < ?)", Boolean.class, schoolUrns.toArray(String[]::new),
                Timestamp.from(before)));
    }

    /** "due 2 December 2026" moved back by days, as {@code TaskLog} writes it; null for any other text. */
    static String dueMovedBack(String detail, int days) {
        return dueMovedBack(detail, day -> day.minusDays(days));
    }

    /** "due 2 December 2026" with its day moved, as {@code TaskLog} writes it; null for any other text. */
    static String dueMovedBack(String detail, UnaryOperator<LocalDate> moved) {
        try {
            return "due " + DUE.format(moved.apply(LocalDate.parse(detail.substring(4), DUE)));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
