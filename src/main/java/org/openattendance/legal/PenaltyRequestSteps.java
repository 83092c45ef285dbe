package org.openattendance.legal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The steps of the school's request and the LA's decision in the attendance case (processes/attendance-case.bpmn,
 * "Penalty threshold met: consider a notice"), each a bean the model names.
 */
final class PenaltyRequestSteps {

    private PenaltyRequestSteps() {
    }

    static UUID requestId(DelegateTask task) {
        UUID id = ProcessFields.id(task, "penaltyRequestId");
        if (id == null) {
            throw new IllegalStateException("The case has no request for a penalty notice (variable penaltyRequestId)");
        }
        return id;
    }

    /** On creating the LA's decision task: the whole request in plain English, for the task's form. */
    @Component("describePenaltyRequest")
    static class Describe implements TaskListener {
        private final PenaltyRequests requests;
        private final PenaltyNotices notices;

        Describe(PenaltyRequests requests, PenaltyNotices notices) {
            this.requests = requests;
            this.notices = notices;
        }

        @Override
        public void notify(DelegateTask task) {
            PenaltyNoticeRequest request = requests.find(requestId(task)).orElseThrow();
            task.setVariableLocal("requestSummary", RequestSummary.of(request, parent ->
                    notices.rightToIssue(request.pupilId(), parent)));
            task.setVariableLocal("informationRequested", request.informationRequested());
        }
    }

    /**
     * The LA's decision: approve (the notices are issued as the policy allows), refuse with reasons, or ask for more
     * information. The process keeps the decision, the new notices and whether any parent had a third occasion.
     */
    @Component("decideOnPenaltyRequest")
    static class Decide implements TaskListener {
        private final PenaltyRequests requests;

        Decide(PenaltyRequests requests) {
            this.requests = requests;
        }

        @Override
        public void notify(DelegateTask task) {
            String decision = ProcessFields.required(task, "requestDecision", "APPROVE, REFUSE or MORE_INFORMATION");
            String reasons = ProcessFields.text(task, "decisionReasons");
            String by = ProcessFields.actor(task);
            UUID id = requestId(task);
            var execution = task.getExecution();
            switch (decision) {
                case "APPROVE" -> {
                    var approved = requests.approve(id, by, reasons);
                    var noticeIds = new ArrayList<String>();
                    int thirdOccasions = 0;
                    for (RequestParent parent : approved.parents()) {
                        if (parent.outcome() == RequestParent.Outcome.NOTICE_ISSUED) {
                            noticeIds.add(parent.noticeId().toString());
                        } else {
                            thirdOccasions++;
                        }
                    }
                    execution.setVariable("noticeIds", String.join(",", noticeIds));
                    execution.setVariable("thirdOccasions", thirdOccasions);
                }
                case "REFUSE" -> requests.refuse(id, by, reasons);
                case "MORE_INFORMATION" -> requests.askForMoreInformation(id, by, reasons);
                default -> throw new InvalidInputException("The decision cannot be recorded", List.of(
                        new InvalidInputException.Problem("requestDecision", "must be APPROVE, REFUSE or MORE_INFORMATION")));
            }
            execution.setVariable("requestDecision", decision);
        }
    }

    /** The school supplied what the LA asked for; the request goes back to the LA. */
    @Component("supplyPenaltyRequestInformation")
    static class Supply implements TaskListener {
        private final PenaltyRequests requests;

        Supply(PenaltyRequests requests) {
            this.requests = requests;
        }

        @Override
        public void notify(DelegateTask task) {
            requests.supplyInformation(requestId(task), ProcessFields.actor(task),
                    ProcessFields.required(task, "informationSupplied", "the information the LA asked for"));
        }
    }

    /** The school decided not to send a request after all: on the case's timeline with its reason. */
    @Component("noPenaltyRequest")
    static class NoRequest implements TaskListener {
        private final CaseTimeline timeline;

        NoRequest(CaseTimeline timeline) {
            this.timeline = timeline;
        }

        @Override
        public void notify(DelegateTask task) {
            timeline.note(ProcessFields.id(task, "caseId"), "No request for a penalty notice after all",
                    ProcessFields.required(task, "noRequestReason", "why no penalty notice is requested"),
                    ProcessFields.actor(task));
        }
    }
}
