package org.openattendance.casework.steps;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.notification.StaffNoticeRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * E-mails that tell a member of staff of a task assigned or offered to them. A create listener on the task, with
 * input parameters {@code noticeSubject} and {@code noticeText} in the model (no pupil names: e-mail is not a safe
 * place for them) and {@code noticeTo}: {@code socialWorker} (the pupil's social worker, to whom the task is
 * assigned) or {@code virtualSchool} (the Virtual School Head of the case's LA). Also used by processes that run
 * without a case (the planned deletion from roll): then nothing goes on a timeline.
 */
@Component("emailNotice")
class EmailNotice implements TaskListener {

    private final CaseStore cases;
    private final ApplicationEventPublisher events;

    EmailNotice(CaseStore cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID caseId = CaseVariables.caseIdIfAny(task.getExecution());
        String to = (String) task.getExecution().getVariableLocal("noticeTo");
        String username = "socialWorker".equals(to) ? (String) task.getVariable("socialWorker") : null;
        String virtualSchool = "virtualSchool".equals(to) ? (String) task.getVariable("laCode") : null;
        String subject = (String) task.getExecution().getVariableLocal("noticeSubject");
        String text = (String) task.getExecution().getVariableLocal("noticeText");
        events.publishEvent(new StaffNoticeRequested(task.getProcessInstanceId() + ":" + task.getId(), username,
                virtualSchool, subject, text, "/tasks/" + task.getId()));
        if (caseId != null) {
            cases.addEvent(caseId, CaseEventKind.TASK, "E-mail notice requested: " + subject,
                    username != null ? "to " + username : "to the Virtual School Head of LA " + virtualSchool, null);
        }
    }
}
