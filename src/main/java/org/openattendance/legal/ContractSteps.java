package org.openattendance.legal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The steps of an attendance contract: agreed (or declined) with its review dates, reviewed on each date until it
 * ends with an outcome. Used by processes/attendance-contract.bpmn (offered by the LA, or by the school) and by the
 * school's "Offer an attendance contract" on the support ladder.
 */
final class ContractSteps {

    private ContractSteps() {
    }

    /** The contract's parties, commitments on both sides, support, start and review dates, and the parents' answer. */
    @Component("recordAttendanceContract")
    static class Agree implements TaskListener {
        private final AttendanceContracts contracts;

        Agree(AttendanceContracts contracts) {
            this.contracts = contracts;
        }

        @Override
        public void notify(DelegateTask task) {
            var reviews = new ArrayList<LocalDate>();
            for (String key : List.of("firstReview", "secondReview", "thirdReview")) {
                LocalDate date = ProcessFields.date(task, key);
                if (date != null) {
                    reviews.add(date);
                }
            }
            String offeredBy = ProcessFields.text(task, "offeredBy");
            String by = ProcessFields.actor(task);
            var contract = contracts.offer(new AttendanceContracts.Offer(ProcessFields.id(task, "caseId"),
                    (String) task.getVariable("upn"), "LA".equals(offeredBy) ? Issuer.LA : Issuer.SCHOOL,
                    ProcessFields.text(task, "contractParties"), ProcessFields.text(task, "parentCommitments"),
                    ProcessFields.text(task, "providerCommitments"), ProcessFields.text(task, "supportOffered"),
                    ProcessFields.date(task, "startDate"), reviews, by));
            String answer = ProcessFields.required(task, "contractOutcome", "whether the parents signed it");
            boolean signed = "SIGNED".equals(answer);
            if (signed) {
                contracts.agreed(contract.id(), by);
            } else {
                contracts.declined(contract.id(), ProcessFields.text(task, "contractNotes"), by);
            }
            var execution = task.getExecution();
            execution.setVariable("contractId", contract.id().toString());
            execution.setVariable("contractSigned", signed);
            execution.setVariable("nextContractReview", signed ? LegalDates.after(contract.nextReview().reviewOn().minusDays(1)) : null);
        }
    }

    /** A review held: the contract carries on to its next review, or ends with an outcome. */
    @Component("reviewAttendanceContract")
    static class Review implements TaskListener {
        private final AttendanceContracts contracts;

        Review(AttendanceContracts contracts) {
            this.contracts = contracts;
        }

        @Override
        public void notify(DelegateTask task) {
            UUID id = ProcessFields.id(task, "contractId");
            String by = ProcessFields.actor(task);
            String outcome = ProcessFields.required(task, "contractReviewOutcome", "CONTINUE, KEPT, NOT_KEPT or ENDED_EARLY");
            String notes = ProcessFields.text(task, "contractReviewNotes");
            var contract = contracts.review(id, notes, by);
            var execution = task.getExecution();
            if ("CONTINUE".equals(outcome)) {
                if (contract.nextReview() == null) {
                    throw new InvalidInputException("The review cannot be recorded", List.of(new InvalidInputException.Problem(
                            "contractReviewOutcome", "this was the contract's last review date: choose how it ended")));
                }
                execution.setVariable("nextContractReview", LegalDates.after(contract.nextReview().reviewOn().minusDays(1)));
            } else {
                contracts.close(id, ContractOutcome.valueOf(outcome), notes, by);
                execution.setVariable("nextContractReview", null);
            }
            execution.setVariable("contractReviewOutcome", outcome);
        }
    }

    /**
     * The support ladder's review after a contract the school offered on the ladder: the review is the contract's,
     * and ends it: kept if attendance improved, not kept otherwise. Other reviews leave contracts alone.
     */
    @Component("reviewLadderContract")
    static class LadderReview implements TaskListener {
        private final AttendanceContracts contracts;

        LadderReview(AttendanceContracts contracts) {
            this.contracts = contracts;
        }

        @Override
        public void notify(DelegateTask task) {
            UUID id = ProcessFields.id(task, "contractId");
            if (id == null || !"ATTENDANCE_CONTRACT".equals(task.getVariable("ladderStage"))) {
                return;
            }
            var contract = contracts.find(id).orElse(null);
            if (contract == null || contract.status() != ContractStatus.AGREED) {
                return;
            }
            String by = ProcessFields.actor(task);
            String notes = ProcessFields.text(task, "notes");
            if (contract.nextReview() != null) {
                contracts.review(id, notes, by);
            }
            contracts.close(id, "IMPROVED".equals(ProcessFields.text(task, "reviewOutcome")) ? ContractOutcome.KEPT
                    : ContractOutcome.NOT_KEPT, notes, by);
        }
    }
}
