package org.openattendance.casework.steps;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.register.Recorder;
import org.openattendance.register.RegisterService;
import org.openattendance.school.SchoolDirectory;
import org.springframework.stereotype.Component;

/**
 * On completing "Find the reason for earlier unexplained absence": the N marks of the dates the task was created for
 * ({@code unresolvedFrom} to {@code unresolvedTo}) become the code the reason supports, or O when no reason could be
 * found, as amendments by the member of staff; nothing changes when the register was corrected already.
 */
@Component("resolveUnexplainedMarks")
class ResolveUnexplainedMarks implements TaskListener {

    private final CaseStore cases;
    private final SchoolDirectory directory;
    private final RegisterService register;

    ResolveUnexplainedMarks(CaseStore cases, SchoolDirectory directory, RegisterService register) {
        this.cases = cases;
        this.directory = directory;
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable("outcome");
        String code = "NO_REASON".equals(outcome) ? "O"
                : "REASON_GIVEN".equals(outcome) ? (String) task.getVariable("code") : null;
        UUID caseId = CaseVariables.caseId(task.getExecution());
        Recorder recorder = ExplainAbsence.recorder(task);
        if (code == null || code.isBlank()) {
            cases.addEvent(caseId, CaseEventKind.TASK, "Register already corrected",
                    "Earlier unexplained absence: " + ExplainAbsence.said(task), recorder.username());
            return;
        }
        var kase = cases.find(caseId).orElseThrow();
        var school = directory.school(kase.schoolUrn()).orElseThrow();
        LocalDate from = LocalDate.parse(task.getExecution().getVariableLocal("unresolvedFrom").toString());
        LocalDate to = LocalDate.parse(task.getExecution().getVariableLocal("unresolvedTo").toString());
        String reason = ("O".equals(code) && "NO_REASON".equals(outcome) ? "No reason found: " : "Reason found: ")
                + ExplainAbsence.said(task);
        var result = register.resolveUnexplainedAbsence(school, kase.pupilId(), kase.upn(), from, to, code, reason,
                recorder);
        cases.addEvent(caseId, CaseEventKind.TASK, "Register amended: N to " + code,
                result.amended() + " session(s) from " + from + " to " + to + "; " + reason, recorder.username());
    }
}
