package org.openattendance.casework;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.shared.London;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The school's record of what it tried, for the children-missing-education referral: every completed first-day
 * contact and home visit on the case's timeline, the register amendments and the no-contact letter, as a short
 * list in the task variable {@code schoolAttempts}, which the referral form shows ({@code {{schoolAttempts}}}).
 */
@Configuration
class SchoolAttempts {

    static final String VARIABLE = "schoolAttempts";
    private static final List<String> ATTEMPTS = List.of("Completed: Contact the parents today",
            "Completed: Visit the home (safeguarding)", "Register amended", "Letter requested: no-contact",
            "Safeguarding concern recorded", "Referred to the local authority now");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK)
            .withZone(London.ZONE);

    @Bean
    TaskListener schoolAttemptsSummary(CaseStore records) {
        return task -> task.setVariableLocal(VARIABLE, summary(records, CaseSteps.caseId(task.getExecution())));
    }

    static String summary(CaseStore records, UUID caseId) {
        var lines = records.timeline(caseId).stream()
                .filter(e -> ATTEMPTS.stream().anyMatch(a -> e.name().startsWith(a)))
                .map(e -> "- " + WHEN.format(e.at()) + (e.actor() == null ? "" : " (" + e.actor() + ")") + ": "
                        + e.name().replace("Completed: ", "") + (e.detail() == null ? "" : " - " + e.detail()))
                .toList();
        return lines.isEmpty() ? "The school recorded no contact attempts on the case." : String.join("\n", lines);
    }
}
