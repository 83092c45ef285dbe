package org.openattendance.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openattendance.school.SchoolDays;
import org.openattendance.casework.steps.CaseVariables;
import org.openattendance.shared.London;
import org.springframework.stereotype.Component;

/**
 * Reads the LA's ladder policy (processes/ladder-policy.dmn): due days of each task and the length of review
 * and monitoring periods. Each look-up is a decision on the case and goes on its timeline with the table's
 * version. Used in the model as {@code ${ladderPolicy.due(execution, 'meeting')}}.
 *
 * <p>A deployed version of the table never changes, so its answer for each policy item is evaluated once per version
 * and kept: on a Monday morning a thousand first-day contacts each needed a DMN evaluation and its decision history
 * for the same answer. A new version (deployed on any node) is the latest at the next look-up and is evaluated then;
 * the timeline records the version that answered.
 */
@Component("ladderPolicy")
public class LadderPolicy {

    public static final String DECISION = "ladder-policy";
    private static final LocalTime END_OF_DAY = LocalTime.of(17, 0);
    private static final LocalTime START_OF_DAY = LocalTime.of(8, 0);

    private final DecisionService decisions;
    private final CaseEngine engine;
    private final CaseStore records;
    private final SchoolDays schoolDays;
    /** The answers of deployed versions of the table, by decision definition id and policy item. */
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();

    LadderPolicy(DecisionService decisions, CaseEngine engine, CaseStore records, SchoolDays schoolDays) {
        this.decisions = decisions;
        this.schoolDays = schoolDays;
        this.engine = engine;
        this.records = records;
    }

    public int days(String policyItem) {
        return days(latest(), policyItem);
    }

    private CaseEngine.DeployedDecision latest() {
        CaseEngine.DeployedDecision latest = engine.latestDecision(DECISION);
        if (latest == null) {
            throw new IllegalStateException("The ladder policy (" + DECISION + ".dmn) is not deployed");
        }
        return latest;
    }

    private int days(CaseEngine.DeployedDecision table, String policyItem) {
        return answers.computeIfAbsent(table.id() + "|" + policyItem, key -> {
            var result = decisions.evaluateDecisionTableById(table.id(), Map.of("policyItem", policyItem));
            if (result.isEmpty()) {
                throw new IllegalArgumentException("The ladder policy (" + DECISION + " version " + table.version()
                        + ") has no row for '" + policyItem + "'");
            }
            return ((Number) result.getSingleResult().getEntry("days")).intValue();
        });
    }

    /**
     * The due date of a task: the end of the school day, the policy's number of school days from today on the
     * school's calendar (0: today, or the next school day when today is not one), so never a weekend or a holiday.
     */
    public Date due(DelegateExecution execution, String policyItem) {
        int days = lookUp(execution, policyItem);
        Instant now = CaseEngine.now().toInstant();
        LocalDate day = schoolDays.dueAfter((String) execution.getVariable("schoolUrn"), now.atZone(London.ZONE).toLocalDate(), days);
        Instant due = day.atTime(END_OF_DAY).atZone(London.ZONE).toInstant();
        return Date.from(due.isAfter(now) ? due : now.plusSeconds(3600));
    }

    /**
     * A statutory due date: the end of the school day {@code schoolDays} school days after the date held in the
     * variable {@code fromVariable} (e.g. 5 school days to replace an N with a reason), on the school's calendar; an
     * hour from now if that has passed.
     */
    public Date schoolDaysAfter(DelegateExecution execution, String fromVariable, int schoolDays) {
        Instant now = CaseEngine.now().toInstant();
        Object from = execution.getVariable(fromVariable);
        LocalDate start = from == null ? now.atZone(London.ZONE).toLocalDate() : LocalDate.parse(from.toString());
        LocalDate day = this.schoolDays.dueAfter((String) execution.getVariable("schoolUrn"), start, schoolDays);
        Instant due = day.atTime(END_OF_DAY).atZone(London.ZONE).toInstant();
        return Date.from(due.isAfter(now) ? due : now.plusSeconds(3600));
    }

    /**
     * The end of a period (support-plan review, monitoring): the start of the school day the policy's number of
     * school days from today, on the school's calendar, so that it never falls in a weekend or a holiday.
     */
    public Date periodEnd(DelegateExecution execution, String policyItem) {
        int days = lookUp(execution, policyItem);
        Instant now = CaseEngine.now().toInstant();
        LocalDate day = schoolDays.dueAfter((String) execution.getVariable("schoolUrn"), now.atZone(London.ZONE).toLocalDate(), days);
        return Date.from(day.atTime(START_OF_DAY).atZone(London.ZONE).toInstant());
    }

    private int lookUp(DelegateExecution execution, String policyItem) {
        CaseEngine.DeployedDecision table = latest();
        int days = days(table, policyItem);
        var caseId = CaseVariables.caseIdIfAny(execution);
        if (caseId != null) {
            records.addDecision(caseId, CaseEventKind.DECISION, "Policy: " + policyItem,
                    "days = " + days, null, DECISION, table.version());
        }
        return days;
    }
}
