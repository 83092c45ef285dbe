package org.openattendance.casework.steps;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.register.MarkSource;
import org.openattendance.register.Recorder;
import org.openattendance.register.RegisterService;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.process.FormValues;
import org.springframework.stereotype.Component;

/**
 * On completing "Contact the parents today" with a reason: the pupil's N marks of the run of unexplained absence
 * the task was created for (up to its day) become the recorded code through the register module, as amendments by
 * the member of staff who completed the task. The task's local variable {@code absenceDate} names the day the
 * signal was raised (the engine's today if it is missing).
 */
@Component("explainAbsence")
class ExplainAbsence implements TaskListener {

    private final CaseStore cases;
    private final SchoolDirectory directory;
    private final RegisterService register;

    ExplainAbsence(CaseStore cases, SchoolDirectory directory, RegisterService register) {
        this.cases = cases;
        this.directory = directory;
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = (String) task.getVariable("code");
        if (!"REASON_GIVEN".equals(task.getVariable("outcome")) || code == null || code.isBlank()) {
            return;
        }
        UUID caseId = CaseVariables.caseId(task.getExecution());
        var kase = cases.find(caseId).orElseThrow();
        var school = directory.school(kase.schoolUrn()).orElseThrow();
        LocalDate day = absenceDay(task);
        String reason = "First-day contact: " + said(task);
        Recorder recorder = recorder(task);
        var result = register.explainUnexplainedAbsence(school, kase.pupilId(), kase.upn(), day, code, reason,
                recorder);
        cases.addEvent(caseId, CaseEventKind.TASK, "Register amended: N to " + code,
                result.amended() + " session(s) up to " + day + "; " + reason, recorder.username());
    }

    private static LocalDate absenceDay(DelegateTask task) {
        // The task's input parameter lives on the task's execution, not on the task itself.
        Object day = task.getExecution().getVariableLocal("absenceDate");
        if (day != null && !day.toString().isBlank()) {
            return LocalDate.parse(day.toString());
        }
        return CaseVariables.today();
    }

    /** What the parents said: the notes of the form just submitted. */
    static String said(DelegateTask task) {
        Object notes = task.getVariable(FormValues.FORM) instanceof Map<?, ?> form ? form.get("notes") : null;
        return notes == null || notes.toString().isBlank() ? "reason given by the parents" : notes.toString();
    }

    /** The member of staff completing the task, with the role the task API passes along. */
    static Recorder recorder(DelegateTask task) {
        Object user = task.getVariable("completedBy");
        Object role = task.getVariable("completedByRole");
        String username = user != null ? user.toString() : CaseVariables.actor(task);
        return new Recorder(username == null ? "casework" : username, role == null ? "CASEWORK" : role.toString(),
                MarkSource.CASEWORK);
    }
}
