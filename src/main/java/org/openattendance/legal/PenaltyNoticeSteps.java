package org.openattendance.legal;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openattendance.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** The steps of processes/penalty-notice.bpmn (one process per notice), each a bean the model names. */
final class PenaltyNoticeSteps {

    private PenaltyNoticeSteps() {
    }

    static UUID noticeId(VariableScope scope) {
        return ProcessFields.id(scope, "noticeId");
    }

    /** The notice's letter to its parent; the notice records its process. */
    @Component("sendPenaltyNotice")
    static class Send implements JavaDelegate {
        private final PenaltyNotices notices;
        private final LegalLetters letters;

        Send(PenaltyNotices notices, LegalLetters letters) {
            this.notices = notices;
            this.letters = letters;
        }

        @Override
        public void execute(DelegateExecution execution) {
            UUID id = noticeId(execution);
            notices.linkProcess(id, execution.getProcessInstanceId());
            PenaltyNotice notice = notices.find(id).orElseThrow();
            execution.setVariable("noticeNumber", notice.number());
            letters.penaltyNotice(notice);
        }
    }

    /** How and when the notice was served: the receipt date, and from it the dates the two timers wait for. */
    @Component("recordNoticeService")
    static class Served implements TaskListener {
        private final PenaltyNotices notices;

        Served(PenaltyNotices notices) {
            this.notices = notices;
        }

        @Override
        public void notify(DelegateTask task) {
            String method = ProcessFields.required(task, "serviceMethod", "how the notice was served");
            var servedOn = ProcessFields.date(task, "servedOn");
            if (servedOn == null) {
                throw new InvalidInputException("The form is not complete",
                        java.util.List.of(new InvalidInputException.Problem("servedOn", "is required: the date it was posted or handed over")));
            }
            if (servedOn.isAfter(LegalEngine.today())) {
                throw new InvalidInputException("The form is not complete",
                        java.util.List.of(new InvalidInputException.Problem("servedOn", "is in the future")));
            }
            PenaltyNotice notice = notices.serve(noticeId(task), ServiceMethod.valueOf(method), servedOn,
                    ProcessFields.actor(task));
            var execution = task.getExecution();
            execution.setVariable("hasReduction", notice.reducedBy() != null);
            execution.setVariable("reducedEnd", notice.reducedBy() == null ? null : LegalDates.after(notice.reducedBy()));
            execution.setVariable("paymentEnd", LegalDates.after(notice.fullBy()));
        }
    }

    @Component("reducedPeriodOver")
    static class ReducedPeriodOver implements JavaDelegate {
        private final PenaltyNotices notices;

        ReducedPeriodOver(PenaltyNotices notices) {
            this.notices = notices;
        }

        @Override
        public void execute(DelegateExecution execution) {
            notices.reducedPeriodOver(noticeId(execution));
        }
    }

    @Component("noticeUnpaid")
    static class Unpaid implements JavaDelegate {
        private final PenaltyNotices notices;

        Unpaid(PenaltyNotices notices) {
            this.notices = notices;
        }

        @Override
        public void execute(DelegateExecution execution) {
            notices.paymentPeriodOver(noticeId(execution));
        }
    }

    /** Not paid in time: the LA prosecutes (a prosecution is opened) or withdraws the notice on a listed ground. */
    @Component("decideUnpaidNotice")
    static class DecideUnpaid implements TaskListener {
        private final PenaltyNotices notices;

        DecideUnpaid(PenaltyNotices notices) {
            this.notices = notices;
        }

        @Override
        public void notify(DelegateTask task) {
            String decision = ProcessFields.required(task, "unpaidDecision", "PROSECUTE or WITHDRAW");
            UUID id = noticeId(task);
            if ("PROSECUTE".equals(decision)) {
                Prosecution prosecution = notices.prosecute(id, ProcessFields.actor(task));
                task.getExecution().setVariable("prosecutionId", prosecution.id().toString());
            } else {
                withdraw(notices, task, id);
            }
            task.getExecution().setVariable("unpaidDecision", decision);
        }
    }

    static void withdraw(PenaltyNotices notices, DelegateTask task, UUID id) {
        String ground = ProcessFields.required(task, "withdrawalGround", "the ground for withdrawing the notice");
        PenaltyNotice notice = notices.find(id).orElseThrow();
        notices.withdraw(notice.number(), WithdrawalGround.valueOf(ground), ProcessFields.text(task, "withdrawalReason"),
                ProcessFields.actor(task));
    }

    @Component("sendWithdrawalLetter")
    static class SendWithdrawal implements JavaDelegate {
        private final PenaltyNotices notices;
        private final LegalLetters letters;

        SendWithdrawal(PenaltyNotices notices, LegalLetters letters) {
            this.notices = notices;
            this.letters = letters;
        }

        @Override
        public void execute(DelegateExecution execution) {
            letters.withdrawn(notices.find(noticeId(execution)).orElseThrow());
        }
    }

    /**
     * A payment after the payment period stopped the prosecution path (the decision task or the prosecution was
     * cancelled): the case says so; the process learns whether the notice is now paid and whether a court date was set.
     */
    @Component("latePaymentRecorded")
    static class LatePayment implements JavaDelegate {
        private final PenaltyNotices notices;
        private final Prosecutions prosecutions;
        private final CaseTimeline timeline;

        LatePayment(PenaltyNotices notices, Prosecutions prosecutions, CaseTimeline timeline) {
            this.notices = notices;
            this.prosecutions = prosecutions;
            this.timeline = timeline;
        }

        @Override
        public void execute(DelegateExecution execution) {
            PenaltyNotice notice = notices.find(noticeId(execution)).orElseThrow();
            var flagged = prosecutions.ofPupil(notice.pupilId()).stream()
                    .filter(p -> notice.id().equals(p.noticeId()) && p.paidWithdrawCase()
                            && p.status() == ProsecutionStatus.AT_COURT).findFirst();
            boolean paid = notice.status() == PenaltyNoticeStatus.PAID;
            execution.setVariable("paidInFull", paid);
            execution.setVariable("courtDateSet", flagged.isPresent());
            execution.setVariable("flaggedProsecutionId", flagged.map(p -> p.id().toString()).orElse(null));
            timeline.note(notice.caseId(), "Prosecution path stopped: a payment was recorded on notice " + notice.number(),
                    (paid ? "The notice is paid in full." : "A part payment: the LA decides what follows.")
                            + (flagged.isPresent() ? " A court date is set: the LA must withdraw the case at court." : ""),
                    null);
        }
    }

    /** Paid while a court date was set: the LA records that it withdrew the case at court. */
    @Component("withdrawCaseAtCourt")
    static class WithdrawAtCourt implements TaskListener {
        private final Prosecutions prosecutions;

        WithdrawAtCourt(Prosecutions prosecutions) {
            this.prosecutions = prosecutions;
        }

        @Override
        public void notify(DelegateTask task) {
            var on = ProcessFields.date(task, "withdrawnOn");
            prosecutions.conclude(ProcessFields.id(task, "flaggedProsecutionId"), CourtOutcome.WITHDRAWN, null,
                    on == null ? LegalEngine.today() : on, ProcessFields.actor(task));
        }
    }

    /** A part payment after the payment period: withdraw the notice, or decide again (prosecute or withdraw). */
    @Component("decidePartPayment")
    static class DecidePartPayment implements TaskListener {
        private final PenaltyNotices notices;

        DecidePartPayment(PenaltyNotices notices) {
            this.notices = notices;
        }

        @Override
        public void notify(DelegateTask task) {
            String decision = ProcessFields.required(task, "partPaymentDecision", "WITHDRAW or DECIDE_AGAIN");
            if ("WITHDRAW".equals(decision)) {
                withdraw(notices, task, noticeId(task));
            }
            task.getExecution().setVariable("partPaymentDecision", decision);
        }
    }
}
