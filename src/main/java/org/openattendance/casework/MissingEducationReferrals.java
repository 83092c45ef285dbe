package org.openattendance.casework;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.missingeducation.MissingEducationReferral;
import org.openattendance.shared.London;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case ladder's referral of a possible child missing education reaches the LA's register: a create listener on
 * the "Make children-missing-education enquiries" task asks the register to take the child (once per task).
 */
@Configuration
class MissingEducationReferrals {

    @Bean
    TaskListener missingEducationReferral(CaseStore records, ApplicationEventPublisher events) {
        return task -> records.find(CaseSteps.caseId(task.getExecution())).ifPresent(kase -> events.publishEvent(
                new MissingEducationReferral(kase.pupilId(), kase.upn(), kase.schoolUrn(), kase.laCode(),
                        LocalDate.ofInstant(CaseEngine.now().toInstant(), London.ZONE),
                        "No contact by the referral day: continuous unexplained absence", "case-task:" + task.getId())));
    }
}
