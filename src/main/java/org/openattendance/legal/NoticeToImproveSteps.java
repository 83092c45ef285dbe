package org.openattendance.legal;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.school.SchoolDays;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolDirectory;
import org.springframework.stereotype.Component;

/** The steps of processes/notice-to-improve.bpmn, each a bean the model names. */
final class NoticeToImproveSteps {

    private NoticeToImproveSteps() {
    }

    /**
     * "Issue the Notice to Improve" completed: the notice is recorded with its period from the policy; the process
     * keeps its id and the time its period is over.
     */
    @Component("issueNoticeToImprove")
    static class Issue implements TaskListener {
        private final NoticesToImprove notices;

        Issue(NoticesToImprove notices) {
            this.notices = notices;
        }

        @Override
        public void notify(DelegateTask task) {
            Issuer issuer = "LA".equals(task.getVariable("issuedBy")) ? Issuer.LA : Issuer.SCHOOL;
            var notice = notices.issue(new NoticesToImprove.IssueCommand(ProcessFields.id(task, "caseId"),
                    (String) task.getVariable("upn"), issuer, ProcessFields.actor(task),
                    ProcessFields.text(task, "supportGiven"), ProcessFields.text(task, "supportAvailable")));
            var execution = task.getExecution();
            execution.setVariable("noticeToImproveId", notice.id().toString());
            execution.setVariable("improvementCheck", LegalDates.after(notice.period().end()));
            execution.setVariable("ntiContactName", ProcessFields.text(task, "contactName"));
            execution.setVariable("ntiContactPhone", ProcessFields.text(task, "contactPhone"));
            notices.linkProcess(notice.id(), execution.getProcessInstanceId());
        }
    }

    /** The letter to each parent the notice names, with the sessions of the last 10 school weeks. */
    @Component("sendNoticeToImprove")
    static class Send implements JavaDelegate {
        private final NoticesToImprove notices;
        private final PupilRegister register;
        private final SchoolDays schoolDays;
        private final SchoolDirectory directory;
        private final SchoolAdministration schools;
        private final LegalLetters letters;

        Send(NoticesToImprove notices, PupilRegister register, SchoolDays schoolDays, SchoolDirectory directory,
             SchoolAdministration schools, LegalLetters letters) {
            this.notices = notices;
            this.register = register;
            this.schoolDays = schoolDays;
            this.directory = directory;
            this.schools = schools;
            this.letters = letters;
        }

        @Override
        public void execute(DelegateExecution execution) {
            UUID id = ProcessFields.id(execution, "noticeToImproveId");
            NoticeToImprove notice = notices.find(id).orElseThrow();
            LocalDate to = notice.issuedOn();
            LocalDate from = PenaltyWindow.start(schoolDays, notice.schoolUrn(), to);
            var qualifying = register.figures(notice.pupilId(), from, to).qualifying();
            String sessions = qualifying.isEmpty()
                    ? "no sessions of unauthorised absence in the last 10 school weeks"
                    : qualifying.size() + " half-day sessions in the 10 school weeks to " + LegalLetters.day(to) + ": "
                    + LegalLetters.sessions(qualifying);
            String issuer = notice.issuedBy() == Issuer.LA
                    ? schools.localAuthorityName(notice.laCode()).orElse("the local authority")
                    : directory.school(notice.schoolUrn()).map(s -> s.getName()).orElse("the school");
            letters.noticeToImprove(notice, issuer, sessions, (String) execution.getVariable("ntiContactName"),
                    (String) execution.getVariable("ntiContactPhone"));
        }
    }

    /** The period is over: its register against the policy; the outcome and a summary for the school's task. */
    @Component("assessNoticeToImprove")
    static class Assess implements JavaDelegate {
        private final NoticesToImprove notices;

        Assess(NoticesToImprove notices) {
            this.notices = notices;
        }

        @Override
        public void execute(DelegateExecution execution) {
            NoticeToImprove notice = notices.assess(ProcessFields.id(execution, "noticeToImproveId"));
            execution.setVariable("ntiOutcome", notice.status().name());
            execution.setVariable("ntiSummary", "From " + LegalLetters.day(notice.period().start()) + " to "
                    + LegalLetters.day(notice.period().end()) + " the register shows "
                    + notice.assessment().qualifyingSessions() + " sessions counting toward the penalty threshold ("
                    + notice.assessment().possibleSessions() + " possible sessions). Sufficient improvement meant "
                    + notice.sufficientImprovement().meaning() + ".");
        }
    }

    /** Not improved: the school's decision, a request for a penalty notice or none (with why). */
    @Component("decideAfterNoticeToImprove")
    static class Decide implements TaskListener {
        private final NoticesToImprove notices;

        Decide(NoticesToImprove notices) {
            this.notices = notices;
        }

        @Override
        public void notify(DelegateTask task) {
            String step = ProcessFields.required(task, "ntiNextStep", "REQUEST_PENALTY_NOTICE or NO_REQUEST");
            var notice = notices.decideNextStep(ProcessFields.id(task, "noticeToImproveId"), NextStep.valueOf(step),
                    ProcessFields.text(task, "ntiNextStepReason"), ProcessFields.actor(task));
            task.getExecution().setVariable("ntiNextStep", notice.decision().step().name());
        }
    }
}
