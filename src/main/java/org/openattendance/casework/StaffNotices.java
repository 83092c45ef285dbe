package org.openattendance.casework;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.notification.StaffNoticeRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * E-mails that tell a member of staff of a task assigned or offered to them. Used as a create listener on the
 * task, with input parameters {@code noticeSubject} and {@code noticeText} in the model (no pupil names: e-mail is
 * not a safe place for them) and {@code noticeTo}: {@code socialWorker} (the pupil's social worker, to whom the
 * task is assigned) or {@code virtualSchool} (the Virtual School Head of the case's LA).
 */
@Configuration
class StaffNotices {

    @Bean
    TaskListener emailNotice(CaseStore records, ApplicationEventPublisher events) {
        return task -> {
            UUID caseId = CaseSteps.caseIdIfAny(task.getExecution());
            String to = (String) task.getExecution().getVariableLocal("noticeTo");
            String username = "socialWorker".equals(to) ? (String) task.getVariable("socialWorker") : null;
            String virtualSchool = "virtualSchool".equals(to) ? (String) task.getVariable("laCode") : null;
            String subject = (String) task.getExecution().getVariableLocal("noticeSubject");
            String text = (String) task.getExecution().getVariableLocal("noticeText");
            events.publishEvent(new StaffNoticeRequested(task.getProcessInstanceId() + ":" + task.getId(), username,
                    virtualSchool, subject, text, "/tasks/" + task.getId()));
            if (caseId != null) {
                records.addEvent(caseId, CaseEventKind.TASK, "E-mail notice requested: " + subject,
                        username != null ? "to " + username : "to the Virtual School Head of LA " + virtualSchool, null);
            }
        };
    }
}
