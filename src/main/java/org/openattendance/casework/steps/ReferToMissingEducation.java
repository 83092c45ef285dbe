package org.openattendance.casework.steps;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.casework.CaseStore;
import org.openattendance.missingeducation.MissingEducationReferral;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The case ladder's referral of a possible child missing education reaches the LA's register: a create listener on
 * the "Make children-missing-education enquiries" task asks the register to take the child (once per task).
 */
@Component("missingEducationReferral")
class ReferToMissingEducation implements TaskListener {

    private final CaseStore cases;
    private final ApplicationEventPublisher events;

    ReferToMissingEducation(CaseStore cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        cases.find(CaseVariables.caseId(task.getExecution())).ifPresent(kase -> events.publishEvent(
                new MissingEducationReferral(kase.pupilId(), kase.upn(), kase.schoolUrn(), kase.laCode(),
                        CaseVariables.today(), "No contact by the referral day: continuous unexplained absence",
                        "case-task:" + task.getId())));
    }
}
