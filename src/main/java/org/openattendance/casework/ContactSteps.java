package org.openattendance.casework;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.register.MarkSource;
import org.openattendance.register.Recorder;
import org.openattendance.register.RegisterService;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.London;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What completing a contact, home-visit or meeting task sets off beyond the next step: the register amendment for
 * a reason given, the safeguarding referral and the referral to the LA before the 10th day.
 */
@Configuration
class ContactSteps {

    /**
     * On completing "Contact the parents today" with a reason: the pupil's N marks of the run of unexplained absence
     * the task was created for (up to its day) become the recorded code through the register module, as amendments
     * by the member of staff who completed the task. The task's local variable {@code absenceDate} names the day
     * the signal was raised (the engine's today if it is missing).
     */
    @Bean
    TaskListener explainAbsence(CaseStore records, SchoolDirectory directory, RegisterService register) {
        return task -> {
            String code = (String) task.getVariable("code");
            if (!"REASON_GIVEN".equals(task.getVariable("outcome")) || code == null || code.isBlank()) {
                return;
            }
            UUID caseId = CaseSteps.caseId(task.getExecution());
            var kase = records.find(caseId).orElseThrow();
            var school = directory.school(kase.schoolUrn()).orElseThrow();
            LocalDate day = absenceDay(task);
            String reason = "First-day contact: " + said(task);
            var result = register.explainUnexplainedAbsence(school, kase.pupilId(), kase.upn(), day, code, reason,
                    recorder(task));
            records.addEvent(caseId, CaseEventKind.TASK, "Register amended: N to " + code,
                    result.amended() + " session(s) up to " + day + "; " + reason, recorder(task).username());
        };
    }

    /**
     * On completing "Find the reason for earlier unexplained absence": the N marks of the dates the task was created
     * for ({@code unresolvedFrom} to {@code unresolvedTo}) become the code the reason supports, or O when no reason
     * could be found, as amendments by the member of staff; nothing changes when the register was corrected already.
     */
    @Bean
    TaskListener resolveUnexplainedMarks(CaseStore records, SchoolDirectory directory, RegisterService register) {
        return task -> {
            Object outcome = task.getVariable("outcome");
            String code = "NO_REASON".equals(outcome) ? "O"
                    : "REASON_GIVEN".equals(outcome) ? (String) task.getVariable("code") : null;
            UUID caseId = CaseSteps.caseId(task.getExecution());
            if (code == null || code.isBlank()) {
                records.addEvent(caseId, CaseEventKind.TASK, "Register already corrected",
                        "Earlier unexplained absence: " + said(task), recorder(task).username());
                return;
            }
            var kase = records.find(caseId).orElseThrow();
            var school = directory.school(kase.schoolUrn()).orElseThrow();
            LocalDate from = LocalDate.parse(task.getExecution().getVariableLocal("unresolvedFrom").toString());
            LocalDate to = LocalDate.parse(task.getExecution().getVariableLocal("unresolvedTo").toString());
            String reason = ("O".equals(code) && "NO_REASON".equals(outcome) ? "No reason found: " : "Reason found: ")
                    + said(task);
            var result = register.resolveUnexplainedAbsence(school, kase.pupilId(), kase.upn(), from, to, code, reason,
                    recorder(task));
            records.addEvent(caseId, CaseEventKind.TASK, "Register amended: N to " + code,
                    result.amended() + " session(s) from " + from + " to " + to + "; " + reason, recorder(task).username());
        };
    }

    /**
     * On completing a task whose form can record a concern (first-day contact, home visit, meeting, the social
     * worker's and the Virtual School Head's notes): a ticked {@code safeguardingConcern}, or the social worker's
     * answer "Safeguarding concern" ({@code socialWorkerAction} SAFEGUARDING), starts the referral to children's social care (message
     * {@code SafeguardingConcern}); a ticked {@code referToLaNow} starts the children-missing-education referral at
     * once (message {@code ContinuousAbsence}), the "or sooner" of the 10-day rule. Both go on the timeline.
     */
    @Bean
    TaskListener concernCheck(CaseStore records, CaseEngine engine) {
        return task -> {
            UUID caseId = CaseSteps.caseId(task.getExecution());
            String who = recorder(task).username();
            boolean concern = ticked(task, "safeguardingConcern");
            if (answered(task, "socialWorkerAction", "SAFEGUARDING") || concern) {
                records.addEvent(caseId, CaseEventKind.STAGE, "Safeguarding concern recorded",
                        "On: " + task.getName() + "; referral task for the designated safeguarding lead", who);
                engine.correlate(task.getProcessInstanceId(), "SafeguardingConcern", java.util.Map.of());
            }
            if (ticked(task, "referToLaNow")) {
                records.addEvent(caseId, CaseEventKind.STAGE, "Referred to the local authority now",
                        "On: " + task.getName() + "; children-missing-education referral before the 10th day", who);
                engine.correlate(task.getProcessInstanceId(), "ContinuousAbsence", java.util.Map.of());
            }
        };
    }

    /** A checkbox of the form just submitted; the variable is cleared so that a later form does not inherit it. */
    private static boolean ticked(DelegateTask task, String key) {
        Object value = task.getVariable(key);
        if (value == null) {
            return false;
        }
        task.getExecution().removeVariable(key);
        return Boolean.TRUE.equals(value) || "true".equals(value.toString());
    }

    /** A choice of the form just submitted; cleared like a checkbox, so the next task does not inherit it. */
    private static boolean answered(DelegateTask task, String key, String value) {
        Object answer = task.getVariable(key);
        if (answer == null) {
            return false;
        }
        task.getExecution().removeVariable(key);
        return value.equals(answer.toString());
    }

    static LocalDate absenceDay(DelegateTask task) {
        // The task's input parameter lives on the task's execution, not on the task itself.
        Object day = task.getExecution().getVariableLocal("absenceDate");
        if (day != null && !day.toString().isBlank()) {
            return LocalDate.parse(day.toString());
        }
        return CaseEngine.now().toInstant().atZone(London.ZONE).toLocalDate();
    }

    /** What the parents said: the notes of the form just submitted. */
    private static String said(DelegateTask task) {
        if (task.getVariable("form") instanceof java.util.Map<?, ?> form && form.get("notes") != null
                && !form.get("notes").toString().isBlank()) {
            return form.get("notes").toString();
        }
        return "reason given by the parents";
    }

    /** The member of staff completing the task, with the role CaseTasks passes along. */
    static Recorder recorder(DelegateTask task) {
        Object user = task.getVariable("completedBy");
        Object role = task.getVariable("completedByRole");
        String username = user != null ? user.toString() : CaseSteps.actor(task);
        return new Recorder(username == null ? "casework" : username, role == null ? "CASEWORK" : role.toString(),
                MarkSource.CASEWORK);
    }
}
