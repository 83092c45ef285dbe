package org.openattendance.legal;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** The steps of processes/prosecution.bpmn (one process per parent prosecuted), each a bean the model names. */
final class ProsecutionSteps {

    private ProsecutionSteps() {
    }

    static UUID prosecutionId(DelegateTask task) {
        return ProcessFields.id(task, "prosecutionId");
    }

    /** Before prosecuting: whether the LA applies for an education supervision order, and why. */
    @Component("recordEsoConsideration")
    static class ConsiderEso implements TaskListener {
        private final Prosecutions prosecutions;

        ConsiderEso(Prosecutions prosecutions) {
            this.prosecutions = prosecutions;
        }

        @Override
        public void notify(DelegateTask task) {
            String decision = ProcessFields.required(task, "esoDecision", "APPLY or NOT_APPLY");
            prosecutions.considerEso(prosecutionId(task), EsoConsideration.Decision.valueOf(decision),
                    ProcessFields.text(task, "esoReasons"), ProcessFields.actor(task));
            task.getExecution().setVariable("esoDecision", decision);
        }
    }

    /** The interview under caution (needed for s.444(1A)), then the information laid: offence, route, court. */
    @Component("layInformation")
    static class Lay implements TaskListener {
        private final Prosecutions prosecutions;

        Lay(Prosecutions prosecutions) {
            this.prosecutions = prosecutions;
        }

        @Override
        public void notify(DelegateTask task) {
            UUID id = prosecutionId(task);
            String by = ProcessFields.actor(task);
            var interviewOn = ProcessFields.date(task, "interviewOn");
            if (interviewOn != null) {
                prosecutions.interviewed(id, interviewOn, ProcessFields.text(task, "interviewNotes"), by);
            }
            String offence = ProcessFields.required(task, "offence", "S444_1 or S444_1A");
            String route = ProcessFields.required(task, "courtRoute", "SJP or HEARING");
            prosecutions.lay(id, Offence.valueOf(offence), CourtRoute.valueOf(route), ProcessFields.text(task, "court"),
                    ProcessFields.date(task, "laidOn"), by);
        }
    }

    /** A court date set, a hearing adjourned, or the outcome; the process goes on until the outcome is recorded. */
    @Component("recordCourtProgress")
    static class CourtProgress implements TaskListener {
        private final Prosecutions prosecutions;

        CourtProgress(Prosecutions prosecutions) {
            this.prosecutions = prosecutions;
        }

        @Override
        public void notify(DelegateTask task) {
            UUID id = prosecutionId(task);
            String by = ProcessFields.actor(task);
            String progress = ProcessFields.required(task, "courtProgress", "HEARING_SET, ADJOURNED or OUTCOME");
            var date = ProcessFields.date(task, "courtDate");
            if (date == null) {
                throw new InvalidInputException("The form is not complete",
                        List.of(new InvalidInputException.Problem("courtDate", "is required: the date of the hearing or the outcome")));
            }
            switch (progress) {
                case "HEARING_SET" -> prosecutions.courtDate(id, CourtDate.Kind.SET, date, ProcessFields.text(task, "courtNotes"), by);
                case "ADJOURNED" -> prosecutions.courtDate(id, CourtDate.Kind.ADJOURNED, date, ProcessFields.text(task, "courtNotes"), by);
                case "OUTCOME" -> prosecutions.conclude(id, CourtOutcome.valueOf(ProcessFields.required(task, "courtOutcome",
                        "the court's decision")), ProcessFields.amount(task, "fineAmount"), date, by);
                default -> throw new InvalidInputException("The form is not complete", List.of(
                        new InvalidInputException.Problem("courtProgress", "must be HEARING_SET, ADJOURNED or OUTCOME")));
            }
            task.getExecution().setVariable("courtProgress", progress);
        }
    }
}
