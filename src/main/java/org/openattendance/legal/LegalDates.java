package org.openattendance.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openattendance.school.SchoolDays;
import org.openattendance.shared.London;
import org.springframework.stereotype.Component;

/**
 * Due dates and timer dates of the legal processes: a task is due at the end of the school day the policy's number of
 * school days from today on the school's calendar (never a weekend or a holiday, even for 0 days) (legal-policy.dmn, logged on the case with its version); a period
 * ends at the start of the day after its last day. Used in the models as {@code ${legalDates.due(execution, 'item')}}.
 */
@Component("legalDates")
public class LegalDates {

    private static final LocalTime END_OF_DAY = LocalTime.of(17, 0);
    private static final LocalTime START_OF_DAY = LocalTime.of(7, 0);

    private final LegalPolicy policy;
    private final SchoolDays schoolDays;
    private final CaseTimeline timeline;

    LegalDates(LegalPolicy policy, SchoolDays schoolDays, CaseTimeline timeline) {
        this.policy = policy;
        this.schoolDays = schoolDays;
        this.timeline = timeline;
    }

    public Date due(DelegateExecution execution, String item) {
        LegalPolicy.Item days = policy.item(item);
        timeline.decision(ProcessFields.id(execution, "caseId"), "Policy: " + item, "days = " + days.value(),
                LegalPolicy.POLICY, days.version());
        Instant now = LegalEngine.now().toInstant();
        LocalDate day = schoolDays.dueAfter((String) execution.getVariable("schoolUrn"), LegalEngine.today(), days.value());
        Instant due = day.atTime(END_OF_DAY).atZone(London.ZONE).toInstant();
        return Date.from(due.isAfter(now) ? due : now.plusSeconds(3600));
    }

    /** The start (07:00) of the day after {@code lastDay}: when a period that includes {@code lastDay} is over. */
    static Date after(LocalDate lastDay) {
        return Date.from(lastDay.plusDays(1).atTime(START_OF_DAY).atZone(London.ZONE).toInstant());
    }
}
