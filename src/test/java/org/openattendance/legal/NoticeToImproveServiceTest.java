package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Stage;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.London;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Notice to Improve: its period in school weeks on the school's calendar (a half term does not count), its
 * recipients, and the period's register compared with the policy.
 */
@IntegrationTest
class NoticeToImproveServiceTest {

    static final LocalDate MONDAY_1_FEBRUARY = LocalDate.of(2027, 2, 1);

    @Autowired
    LegalFixtures families;
    @Autowired
    Fixtures fixtures;
    @Autowired
    NoticesToImprove notices;
    @Autowired
    CaseStore cases;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void today(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(London.ZONE).toInstant()));
    }

    /** A school whose 2026-27 spring term has half term in the week of 15 February (or none). */
    LegalFixtures.Family familyAt(boolean halfTerm) {
        return families.family(families.schoolIn2026To2027(halfTerm), 1, List.of(LegalFixtures.parent("Sam Parent"), LegalFixtures.parent("Jo Parent"),
                new SchoolAdministration.ParentData("Pat Other", "Father", true, false, null, null, "9 Far Road"),
                new SchoolAdministration.ParentData("Kim Carer", "Carer", false, true, null, null, "1 High Street")));
    }

    NoticeToImprove issue(LegalFixtures.Child child) {
        return notices.issue(new NoticesToImprove.IssueCommand(child.caseId(), child.upn(), Issuer.SCHOOL,
                "officer.test", "Two meetings and a support plan since October", "The family support worker, the "
                + "breakfast club"));
    }

    @Test
    void sixSchoolWeeksOverAHalfTermEndAWeekLater() {
        today(MONDAY_1_FEBRUARY);
        var withHalfTerm = issue(familyAt(true).child());
        var withoutHalfTerm = issue(familyAt(false).child());

        assertThat(withHalfTerm.period()).isEqualTo(new ImprovementPeriod(LocalDate.of(2027, 2, 2),
                LocalDate.of(2027, 3, 22), 6));
        assertThat(withoutHalfTerm.period()).isEqualTo(new ImprovementPeriod(LocalDate.of(2027, 2, 2),
                LocalDate.of(2027, 3, 15), 6));
    }

    @Test
    void theNoticeGoesToEachParentWithParentalResponsibilityWhoLivesWithThePupil() {
        today(MONDAY_1_FEBRUARY);
        var child = familyAt(true).child();
        var notice = issue(child);

        assertThat(notice.recipients()).extracting(NoticeParent::name).containsExactly("Sam Parent", "Jo Parent");
        assertThat(notice.sufficientImprovement().allowedSessions()).isZero();
        assertThat(notice.sufficientImprovement().policyVersion()).isPositive();
        assertThat(notices.ofPupil(child.pupilId())).singleElement().satisfies(n -> {
            assertThat(n.recipients()).hasSize(2);
            assertThat(n.status()).isEqualTo(NoticeToImproveStatus.OPEN);
        });
        assertThat(cases.find(child.caseId()).orElseThrow().stage()).isEqualTo(Stage.NOTICE_TO_IMPROVE);
        assertThat(cases.timeline(child.caseId())).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("Notice to Improve: an improvement period of 6 school weeks");
            assertThat(e.decisionKey()).isEqualTo("legal-policy");
        });
    }

    @Test
    void noUnauthorisedAbsenceInThePeriodIsImprovementAndOneSessionIsNot() {
        today(MONDAY_1_FEBRUARY);
        var improving = familyAt(true).child();
        var notImproving = familyAt(true).child();
        var improved = issue(improving);
        var notImproved = issue(notImproving);
        var days = List.of(LocalDate.of(2027, 2, 3), LocalDate.of(2027, 3, 1));
        families.marks(improving.pupilId(), "/", days);
        families.marks(notImproving.pupilId(), "/", List.of(days.get(0)));
        families.marks(notImproving.pupilId(), "U", List.of(days.get(1)));
        today(LocalDate.of(2027, 3, 23));

        assertThat(notices.assess(improved.id()).status()).isEqualTo(NoticeToImproveStatus.IMPROVED);
        var assessed = notices.assess(notImproved.id());

        assertThat(assessed.status()).isEqualTo(NoticeToImproveStatus.NOT_IMPROVED);
        assertThat(assessed.assessment().qualifyingSessions()).isEqualTo(2);
        assertThat(assessed.assessment().possibleSessions()).isEqualTo(4);
        assertThat(cases.timeline(notImproving.caseId())).anySatisfy(e ->
                assertThat(e.name()).isEqualTo("Notice to Improve period over: not improved (2 sessions counting toward "
                        + "the penalty threshold; the policy allows 0)"));
    }

    @Test
    void afterAPeriodWithoutImprovementTheSchoolSaysWhyItAsksForNoNotice() {
        today(MONDAY_1_FEBRUARY);
        var child = familyAt(true).child();
        var notice = issue(child);
        families.marks(child.pupilId(), "O", List.of(LocalDate.of(2027, 2, 10)));
        today(LocalDate.of(2027, 3, 23));
        notices.assess(notice.id());

        assertThatThrownBy(() -> notices.decideNextStep(notice.id(), NextStep.NO_REQUEST, " ", "officer.test"))
                .isInstanceOf(InvalidInputException.class);
        var decided = notices.decideNextStep(notice.id(), NextStep.NO_REQUEST, "Bereavement in the family", "officer.test");

        assertThat(decided.decision().step()).isEqualTo(NextStep.NO_REQUEST);
        assertThat(notices.find(notice.id()).orElseThrow().decision().reason()).isEqualTo("Bereavement in the family");
    }

    @Test
    void aPupilWithoutAParentToWriteToGetsNoNotice() {
        var school = fixtures.school(fixtures.newLaCode());
        var child = families.family(school, 1, List.of(new SchoolAdministration.ParentData("Kim Carer", "Carer", false,
                true, null, null, "1 High Street"))).child();

        assertThatThrownBy(() -> issue(child)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(InvalidInputException.Problem::where).containsExactly("parents"));
    }
}
