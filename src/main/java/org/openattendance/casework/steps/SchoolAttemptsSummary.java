package org.openattendance.casework.steps;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.casework.CaseStore;
import org.openattendance.shared.London;
import org.springframework.stereotype.Component;

/**
 * The school's record of what it tried, for the children-missing-education referral: every completed first-day
 * contact and home visit on the case's timeline, the register amendments and the no-contact letter, as a short
 * list in the task variable {@code schoolAttempts}, which the referral form shows ({@code {{schoolAttempts}}}).
 */
@Component("schoolAttemptsSummary")
class SchoolAttemptsSummary implements TaskListener {

    static final String VARIABLE = "schoolAttempts";
    private static final List<String> ATTEMPTS = List.of("Completed: Contact the parents today",
            "Completed: Visit the home (safeguarding)", "Register amended", "Letter requested: no-contact",
            "Safeguarding concern recorded", "Referred to the local authority now");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK)
            .withZone(London.ZONE);

    private final CaseStore cases;

    SchoolAttemptsSummary(CaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(VARIABLE, summary(CaseVariables.caseId(task.getExecution())));
    }

    private String summary(UUID caseId) {
        var lines = cases.timeline(caseId).stream()
                .filter(e -> ATTEMPTS.stream().anyMatch(a -> e.name().startsWith(a)))
                .map(e -> "- " + WHEN.format(e.at()) + (e.actor() == null ? "" : " (" + e.actor() + ")") + ": "
                        + e.name().replace("Completed: ", "") + (e.detail() == null ? "" : " - " + e.detail()))
                .toList();
        return lines.isEmpty() ? "The school recorded no contact attempts on the case." : String.join("\n", lines);
    }
}
