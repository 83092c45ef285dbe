package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openattendance.legal.LegalFixtures.holiday;
import static org.openattendance.legal.LegalFixtures.jo;
import static org.openattendance.legal.LegalFixtures.sam;
import static org.openattendance.legal.LegalFixtures.weekOf;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Stage;
import org.openattendance.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The right to issue counts notices per parent, per child, over three years: the first and second may be issued,
 * the third occasion may not; withdrawn notices do not count; a session serves one notice.
 */
@IntegrationTest
class PenaltyNoticeCountingTest {

    @Autowired
    LegalFixtures families;
    @Autowired
    HolidayPenalties holidays;
    @Autowired
    PenaltyRequests requests;
    @Autowired
    PenaltyNotices notices;
    @Autowired
    CaseStore cases;
    @Autowired
    JdbcTemplate jdbc;

    /** A week of G sessions, a holiday request for it, the LA's approval: what each parent got, by name. */
    Map<String, RequestParent> round(LegalFixtures.Child child, int weeksAgo, RequestForm.ParentLine... parents) {
        var approved = holidays.approved(child, weeksAgo, "Meets the code of conduct", parents);
        assertThat(approved.status()).isEqualTo(RequestStatus.APPROVED);
        return approved.parents().stream().collect(Collectors.toMap(p -> p.parent().name(), p -> p));
    }

    PenaltyNotice notice(RequestParent outcome) {
        return notices.find(outcome.noticeId()).orElseThrow();
    }

    @Test
    void theThirdNoticeToAParentForAChildInThreeYearsIsRefused() {
        var child = families.family(1).child();

        var first = notice(round(child, 20, sam()).get("Sam Parent"));
        var second = notice(round(child, 15, sam()).get("Sam Parent"));
        var third = round(child, 10, sam()).get("Sam Parent");

        assertThat(first.terms().occasion()).isEqualTo(1);
        assertThat(first.terms().reducedAmount()).isEqualByComparingTo("80");
        assertThat(first.terms().fullAmount()).isEqualByComparingTo("160");
        assertThat(second.terms().occasion()).isEqualTo(2);
        assertThat(second.terms().hasReduction()).isFalse();
        assertThat(second.terms().fullAmount()).isEqualByComparingTo("160");
        assertThat(third.outcome()).isEqualTo(RequestParent.Outcome.THIRD_OCCASION);
        assertThat(third.earlierNotices()).isEqualTo(2);
        assertThat(third.noticeId()).isNull();
        assertThat(notices.ofPupil(child.pupilId())).hasSize(2);
        assertThat(cases.find(child.caseId()).orElseThrow().stage()).isEqualTo(Stage.LEGAL_ROUTE_DECISION);
        assertThat(cases.timeline(child.caseId())).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("Penalty notice to Sam Parent: no notice may be issued: it would be the third "
                    + "occasion in 3 years");
            assertThat(e.detail()).contains("earlier notices in 3 years = 2").contains("third occasion");
            assertThat(e.decisionKey()).isEqualTo("penalty-notice-policy");
            assertThat(e.decisionVersion()).isPositive();
        });
    }

    @Test
    void twoParentsAndTwoChildrenAreCountedSeparately() {
        var family = families.family(2);
        var older = family.children().get(0);
        var younger = family.children().get(1);

        var both = round(older, 20, sam(), jo());
        var samAgain = round(older, 15, sam());
        var youngerBoth = round(younger, 20, sam(), jo());

        assertThat(notice(both.get("Sam Parent")).terms().occasion()).isEqualTo(1);
        assertThat(notice(both.get("Jo Parent")).terms().occasion()).isEqualTo(1);
        assertThat(notice(both.get("Sam Parent")).number()).isNotEqualTo(notice(both.get("Jo Parent")).number());
        assertThat(notice(samAgain.get("Sam Parent")).terms().occasion()).isEqualTo(2);
        assertThat(notice(youngerBoth.get("Sam Parent")).terms().occasion()).isEqualTo(1);
        assertThat(notice(youngerBoth.get("Jo Parent")).terms().occasion()).isEqualTo(1);
        assertThat(notices.ofPupil(older.pupilId())).hasSize(3);
        assertThat(notices.ofPupil(younger.pupilId())).hasSize(2);
    }

    @Test
    void aWithdrawnNoticeDoesNotCountAndGivesItsSessionsBack() {
        var child = families.family(1).child();
        var withdrawn = notice(round(child, 20, sam()).get("Sam Parent"));
        notices.withdraw(withdrawn.number(), WithdrawalGround.MATERIAL_ERROR, "The dates on the notice were wrong", "la.test");

        var request = requests.submit(child.caseId(), child.upn(), holiday(20, sam()), "officer.test");
        var again = requests.approve(request.id(), "la.test", null).parents().get(0);
        var next = notice(round(child, 15, sam()).get("Sam Parent"));

        assertThat(notices.find(withdrawn.id()).orElseThrow().status()).isEqualTo(PenaltyNoticeStatus.WITHDRAWN);
        assertThat(again.earlierNotices()).isZero();
        assertThat(notice(again).terms().occasion()).isEqualTo(1);
        assertThat(notice(again).sessions()).hasSize(10);
        assertThat(next.terms().occasion()).isEqualTo(2);
    }

    @Test
    void aSessionOnANoticeCannotServeAnotherOne() {
        var child = families.family(1).child();
        round(child, 20, sam());

        assertThatThrownBy(() -> requests.submit(child.caseId(), child.upn(), holiday(20, sam()), "officer.test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::where).contains("sessions", "holidaySessions"));
    }

    @Test
    void aNoticeFromMoreThanThreeYearsAgoNoLongerCounts() {
        var child = families.family(1).child();
        var old = notice(round(child, 20, sam()).get("Sam Parent"));
        jdbc.update("update legal_penalty_notice set issued_on = issued_on - interval '3 years' where id = ?", old.id());

        assertThat(notice(round(child, 15, sam()).get("Sam Parent")).terms().occasion()).isEqualTo(1);
    }

    @Test
    void aLateHolidayRequestIsFlaggedAndStillSent() {
        var child = families.family(1).child();
        families.marks(child.pupilId(), "G", weekOf(8));

        var request = requests.submit(child.caseId(), child.upn(), holiday(8, sam()), "officer.test");

        assertThat(request.late()).isTrue();
        assertThat(request.holiday().returnDate()).isEqualTo(weekOf(7).get(0));
        assertThat(request.holiday().deadline()).isEqualTo(weekOf(5).get(0));
        assertThat(requests.find(request.id()).orElseThrow().late()).isTrue();
        assertThat(cases.timeline(child.caseId())).anySatisfy(e ->
                assertThat(e.name()).isEqualTo("Penalty notice requested from the LA (late)"));
    }

    @Test
    void aSecondRequestWhileOneIsWithTheLaIsRefusedEvenIfItGetsPastTheFirstCheck() {
        var child = families.family(1).child();
        families.marks(child.pupilId(), "G", weekOf(5));
        families.marks(child.pupilId(), "G", weekOf(4));
        requests.submit(child.caseId(), child.upn(), holiday(5, sam()), "officer.test");

        assertThatThrownBy(() -> requests.submit(child.caseId(), child.upn(), holiday(4, sam()), "officer.test"))
                .isInstanceOf(LegalConflictException.class).hasMessageContaining("already with the LA");
        assertThatThrownBy(() -> jdbc.update("""
                insert into legal_penalty_request (id, case_id, pupil_id, upn, school_urn, la_code, route, period_from,
                  period_to, school_statement, status, requested_by, requested_at)
                select gen_random_uuid(), case_id, pupil_id, upn, school_urn, la_code, route, period_from, period_to,
                  'another node', 'SUBMITTED', 'officer.two', now() from legal_penalty_request where pupil_id = ?""",
                child.pupilId())).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(requests.ofPupil(child.pupilId())).hasSize(1);
    }

    @Test
    void aHolidayRequestInTimeIsNotFlagged() {
        var child = families.family(1).child();
        families.marks(child.pupilId(), "G", weekOf(2));
        var request = requests.submit(child.caseId(), child.upn(), holiday(2, sam()), "officer.test");
        assertThat(request.late()).isFalse();
        assertThat(request.sessions()).extracting(NoticeSession::code).containsOnly("G");
    }

    @Test
    void noRequestIsStoredWhileAnItemIsMissingAndTheAnswerNamesIt() {
        var child = families.family(1).child();
        families.marks(child.pupilId(), "G", weekOf(6));
        var noBirth = new RequestForm.ParentLine("Jo Parent", "1 High Street", null, null);
        var form = new RequestForm(RequestRoute.TERM_TIME_HOLIDAY, weekOf(6).get(0), weekOf(6).get(4),
                List.of(sam(), noBirth), "Holiday");

        assertThatThrownBy(() -> requests.submit(child.caseId(), child.upn(), form, "officer.test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InvalidInputException.Problem("parents[1].dateOfBirth", "date of birth of Jo Parent is missing")));
        assertThat(requests.ofPupil(child.pupilId())).isEmpty();
    }
}
