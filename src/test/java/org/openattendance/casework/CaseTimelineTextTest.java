package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openattendance.casework.CaseStore.CaseEvent;
import org.openattendance.shared.London;

/** The case timeline as staff read it: plain English from the events as recorded. */
class CaseTimelineTextTest {

    private final CaseTimelineText text = new CaseTimelineText(new FormAnswers(),
            Clock.fixed(Instant.parse("2027-01-07T09:00:00Z"), London.ZONE));

    private static CaseEvent event(long id, CaseEventKind kind, String name, String detail) {
        return new CaseEvent(id, Instant.parse("2027-01-07T09:00:00Z").plusSeconds(id), kind, name, detail, "officer.test",
                kind == CaseEventKind.DECISION ? "ladder-policy" : null, kind == CaseEventKind.DECISION ? 3 : null);
    }

    @Test
    void internalNamesStepIdsVariablesAndJsonNeverReachStaff() {
        var entries = text.of(List.of(
                event(1, CaseEventKind.STAGE, "Case opened", "Opened on Unexplained absence (day 1)"),
                event(2, CaseEventKind.DECISION, "Decide the day's contact steps", "homeVisitDue = false"),
                event(3, CaseEventKind.DECISION, "Policy: letterReview", "days = 2"),
                event(4, CaseEventKind.STAGE, "Stage: NOTICE_TO_IMPROVE", null),
                event(5, CaseEventKind.TASK, "Task: Contact the parents today", "due 7 January 2027"),
                event(6, CaseEventKind.TASK, "Completed: Contact the parents today",
                        "{\"outcome\":\"REASON_GIVEN\",\"code\":\"I\",\"safeguardingConcern\":false,\"notes\":\"Mother: flu\"}"),
                event(7, CaseEventKind.LETTER, "Letter requested: attendance-concern",
                        "step 0b6e4a59-5a3c-4a59-9a4f-0d9d2b2e7f10:review-letter; {contactName=Ms Jones}"),
                event(8, CaseEventKind.SIGNAL, "Persistent absence (10 % or more)",
                        "As of 2027-01-06: attendance 88.5 %, 4 penalty-window sessions"),
                event(9, CaseEventKind.STAGE, "Handed over to the legal stages: PENALTY_NOTICE", "The case waits"),
                event(10, CaseEventKind.STAGE, "Priority: TOP", "Severe absence"),
                event(11, CaseEventKind.SIGNAL, "Term-time holiday taken after leave was refused",
                        "4 sessions from 2027-01-04 to 2027-01-05 recorded as G (leave request 6f1c1f7e-3f55-4a5e-8d0b-6a2f0c2b9d11)")));

        String all = entries.stream().map(e -> e.name() + " | " + e.detail() + " | " + e.answers()).reduce("", String::concat);
        assertThat(all).doesNotContain("NOTICE_TO_IMPROVE", "PENALTY_NOTICE", "letterReview", "days = 2",
                "homeVisitDue", " = ", "step ", "{", "REASON_GIVEN", "2027-01-06", "6f1c1f7e", "attendance-concern", "TOP");
        assertThat(entries).extracting(CaseTimelineText.Entry::name).contains(
                "Moved to the stage: Notice to Improve", "New task: Contact the parents today",
                "Completed: Contact the parents today", "Letter requested: Attendance concern",
                "Handed over to the legal stages: Penalty notice", "Priority: Top",
                "Decided by the local authority's policy: Decide the day's contact steps")
                .doesNotContain("Policy: letterReview");
        assertThat(entries).hasSize(10); // the policy look-up is for administrators only

        var completed = entries.stream().filter(e -> e.name().equals("Completed: Contact the parents today")).findFirst()
                .orElseThrow();
        assertThat(completed.detail()).isNull();
        assertThat(completed.answers()).extracting(FormAnswers.Answer::question, FormAnswers.Answer::answer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Did you reach a parent or carer?", "Yes, a reason was given"),
                org.assertj.core.groups.Tuple.tuple("Code the reason supports", "I - Illness"),
                org.assertj.core.groups.Tuple.tuple("I have a safeguarding concern (the designated safeguarding lead gets a task "
                        + "to refer to children's social care)", "No"),
                org.assertj.core.groups.Tuple.tuple("Who you spoke to and what they said", "Mother: flu"));
        assertThat(entries.stream().filter(e -> e.name().startsWith("Persistent")).findFirst().orElseThrow().detail())
                .isEqualTo("As of 6 January 2027: attendance 88.5 %, 4 penalty-window sessions");
        assertThat(entries.get(0).when()).isEqualTo("7 January 2027, 09:00");
        assertThat(entries.stream().filter(e -> e.name().startsWith("New task")).findFirst().orElseThrow().detail())
                .isEqualTo("Due 7 January 2027");
    }
}
