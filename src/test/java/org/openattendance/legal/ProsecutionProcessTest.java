package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Stage;
import org.openattendance.support.EngineAtNow;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** The prosecution's process and the attendance contract's process on the real engine. */
@IntegrationTest
@ExtendWith(EngineAtNow.class)
class ProsecutionProcessTest {

    @Autowired
    LegalProcessSupport process;
    @Autowired
    LegalFixtures families;
    @Autowired
    Prosecutions prosecutions;
    @Autowired
    AttendanceContracts contracts;
    @Autowired
    CaseStore cases;

    LegalFixtures.Child child;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = Fixtures.today();
        LegalProcessSupport.today(today, LocalTime.of(10, 0));
        child = families.family(1).child();
    }

    ProcessInstance prosecution() {
        var kase = cases.find(child.caseId()).orElseThrow();
        var opened = prosecutions.openForParent(child.caseId(), child.pupilId(), child.upn(), kase.schoolUrn(), kase.laCode(),
                new NoticeParent("Sam Parent", "1 High Street", LegalFixtures.SAM_BORN, null), "la.test");
        return process.start("prosecution", child, "prosecutionId", opened.id().toString());
    }

    @Test
    void applyingForAnEducationSupervisionOrderEndsThePathBeforeCourt() {
        var instance = prosecution();
        process.complete(instance, "consider-eso", "esoDecision", "APPLY", "esoReasons", "The child needs a supervisor's support");

        assertThat(instance).isEnded().hasPassed("eso-applied");
        assertThat(prosecutions.considerationsOf(child.pupilId())).singleElement()
                .satisfies(c -> assertThat(c.decision()).isEqualTo(EsoConsideration.Decision.APPLY));
        assertThat(cases.find(child.caseId()).orElseThrow().stage()).isEqualTo(Stage.EDUCATION_SUPERVISION_ORDER);
    }

    @Test
    void sectionFourFourFourOneANeedsTheInterviewFirstThenCourtDatesAndTheOutcome() {
        var instance = prosecution();
        process.complete(instance, "consider-eso", "esoDecision", "NOT_APPLY", "esoReasons", "Support was refused twice");
        assertThatThrownBy(() -> process.complete(instance, "lay-information", "offence", "S444_1A", "courtRoute", "HEARING",
                "court", "Northtown Magistrates' Court", "laidOn", today.toString()))
                .satisfies(e -> assertThat(LegalProcessSupport.problems(e)).containsExactly("offence"));

        process.complete(instance, "lay-information", "interviewOn", today.minusDays(7).toString(), "interviewNotes",
                "Interview under caution at the civic offices", "offence", "S444_1A", "courtRoute", "HEARING",
                "court", "Northtown Magistrates' Court", "laidOn", today.toString());
        process.complete(instance, "court-progress", "courtProgress", "HEARING_SET", "courtDate", today.plusDays(30).toString());
        process.complete(instance, "court-progress", "courtProgress", "ADJOURNED", "courtDate", today.plusDays(30).toString(),
                "courtNotes", "Adjourned for reports");
        process.complete(instance, "court-progress", "courtProgress", "OUTCOME", "courtDate", today.plusDays(58).toString(),
                "courtOutcome", "FINE", "fineAmount", 660);

        assertThat(instance).isEnded().hasPassed("court-outcome");
        var done = prosecutions.ofPupil(child.pupilId()).get(0);
        assertThat(done.offence()).isEqualTo(Offence.S444_1A);
        assertThat(done.interview().on()).isEqualTo(today.minusDays(7));
        assertThat(done.courtDates()).extracting(CourtDate::kind).containsExactly(CourtDate.Kind.SET, CourtDate.Kind.ADJOURNED);
        assertThat(done.outcome().outcome()).isEqualTo(CourtOutcome.FINE);
        assertThat(done.outcome().fineAmount()).isEqualByComparingTo("660");
        assertThat(done.outcome().by()).isEqualTo("officer.test");
    }

    @Test
    void anAttendanceContractIsReviewedOnEachDateUntilItEndsWithItsOutcome() {
        var instance = process.start("attendance-contract", child, "offeredBy", "LA");
        assertThat(process.one(instance, "agree-contract")).hasCandidateGroup(
                "la-" + process.variable(instance, "laCode") + "-attendance");
        process.complete(instance, "agree-contract", "contractParties", "Sam Parent and Northshire LA",
                "parentCommitments", "Alex at school every day by 8.45", "providerCommitments", "A weekly check-in",
                "supportOffered", "Breakfast club place", "startDate", today.toString(),
                "firstReview", today.plusDays(14).toString(), "secondReview", today.plusDays(28).toString(),
                "contractOutcome", "SIGNED");

        process.passTo(instance, today.plusDays(14), LocalTime.of(9, 0));
        process.complete(instance, "review-contract", "contractReviewOutcome", "CONTINUE", "contractReviewNotes", "Better");
        assertThat(instance).isWaitingAt("contract-review-date");
        process.passTo(instance, today.plusDays(28), LocalTime.of(9, 0));
        process.complete(instance, "review-contract", "contractReviewOutcome", "KEPT", "contractReviewNotes", "Kept");

        assertThat(instance).isEnded().hasPassed("contract-ended");
        var contract = contracts.ofPupil(child.pupilId()).get(0);
        assertThat(contract.offeredBy()).isEqualTo(Issuer.LA);
        assertThat(contract.status()).isEqualTo(ContractStatus.ENDED);
        assertThat(contract.outcome()).isEqualTo(ContractOutcome.KEPT);
        assertThat(contract.reviews()).allSatisfy(r -> assertThat(r.held()).isTrue());
    }

    @Test
    void aContractTheParentsDeclineIsRecordedAndEnds() {
        var instance = process.start("attendance-contract", child, "offeredBy", "SCHOOL");
        process.complete(instance, "agree-contract", "contractParties", "Sam Parent and the school",
                "parentCommitments", "Attend", "providerCommitments", "Support", "supportOffered", "Mentor",
                "startDate", today.toString(), "firstReview", today.plusDays(14).toString(),
                "contractOutcome", "DECLINED", "contractNotes", "Would not sign");

        assertThat(instance).isEnded().hasPassed("contract-declined");
        assertThat(contracts.ofPupil(child.pupilId()).get(0).outcome()).isEqualTo(ContractOutcome.DECLINED);
    }
}
