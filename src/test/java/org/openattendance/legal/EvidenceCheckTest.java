package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.Session;

/** A request for a penalty notice names each required item that is missing. */
class EvidenceCheckTest {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    static final LocalDate FROM = LocalDate.of(2027, 1, 4);
    static final LocalDate TO = LocalDate.of(2027, 2, 26);
    static final RequestForm.ParentLine SAM = new RequestForm.ParentLine("Sam Parent", "1 High Street, Northtown",
            LocalDate.of(1985, 5, 1), null);

    static List<NoticeSession> sessions(String code, int count) {
        var sessions = new ArrayList<NoticeSession>();
        for (int i = 0; i < count; i++) {
            sessions.add(new NoticeSession(FROM.plusDays(i / 2), i % 2 == 0 ? Session.AM : Session.PM, code));
        }
        return sessions;
    }

    static NoticeToImprove notice(NoticeToImproveStatus status, NextStep step) {
        return new NoticeToImprove(UUID.randomUUID(), null, 1, "U", "1", "881", Issuer.SCHOOL, "o", FROM.minusWeeks(8),
                new ImprovementPeriod(FROM.minusWeeks(8).plusDays(1), FROM.minusDays(3), 6),
                new SufficientImprovement(0, "no unauthorised absence", "legal-policy", 1), "record", "support", "more",
                List.of(), Instant.now(), status, status == NoticeToImproveStatus.OPEN ? null
                : new NoticeToImprove.Assessment(60, 6, Instant.now()),
                step == null ? null : new NoticeToImprove.Decision(step, "r", "o", Instant.now()), null);
    }

    static final List<EvidenceItem> LETTER_AND_MEETING = List.of(
            new EvidenceItem(EvidenceKind.LETTER, FROM, "Attendance letter"),
            new EvidenceItem(EvidenceKind.MEETING, FROM, "Hold a meeting with the parents"));

    static RequestEvidence evidence(List<NoticeSession> qualifying, List<NoticeSession> unexplained, int weeks,
                                    NoticeToImprove nti, List<EvidenceItem> items) {
        return new RequestEvidence(qualifying, unexplained, weeks, nti, items, null);
    }

    static List<String> where(List<Problem> problems) {
        return problems.stream().map(Problem::where).toList();
    }

    @Test
    void aCompleteRequestAfterANoticeToImproveHasNoProblems() {
        var form = new RequestForm(RequestRoute.NOT_IMPROVED_AFTER_NOTICE, FROM, TO, List.of(SAM), "Statement");
        var evidence = evidence(sessions("U", 10), List.of(), 8, notice(NoticeToImproveStatus.NOT_IMPROVED,
                NextStep.REQUEST_PENALTY_NOTICE), LETTER_AND_MEETING);
        assertThat(EvidenceCheck.problems(form, evidence, TODAY)).isEmpty();
    }

    @Test
    void aMissingDateOfBirthIsNamedWithTheParent() {
        var noBirth = new RequestForm.ParentLine("Jo Parent", "1 High Street", null, null);
        var form = new RequestForm(RequestRoute.NOT_IMPROVED_AFTER_NOTICE, FROM, TO, List.of(SAM, noBirth), "Statement");
        var evidence = evidence(sessions("U", 12), List.of(), 8, notice(NoticeToImproveStatus.NOT_IMPROVED, null),
                LETTER_AND_MEETING);

        assertThat(EvidenceCheck.problems(form, evidence, TODAY)).containsExactly(
                new Problem("parents[1].dateOfBirth", "date of birth of Jo Parent is missing"));
    }

    @Test
    void everyMissingItemIsNamed() {
        var form = new RequestForm(RequestRoute.NOT_IMPROVED_AFTER_NOTICE, FROM, TO,
                List.of(new RequestForm.ParentLine(" ", null, LocalDate.of(2020, 1, 1), null)), " ");
        var evidence = evidence(sessions("U", 9), sessions("N", 2), 11, null, List.of());

        assertThat(where(EvidenceCheck.problems(form, evidence, TODAY))).containsExactly("periodTo", "sessions",
                "unexplainedSessions", "noticeToImprove", "letters", "meetingsAndSupport", "parents[0].name",
                "parents[0].address", "parents[0].dateOfBirth", "schoolStatement");
    }

    @Test
    void sessionsStillCodedNAreListed() {
        var form = new RequestForm(RequestRoute.TERM_TIME_HOLIDAY, FROM, TO, List.of(SAM), "Holiday in Spain");
        var problems = EvidenceCheck.problems(form, evidence(sessions("G", 10), sessions("N", 1), 2, null, List.of()), TODAY);
        assertThat(problems).containsExactly(new Problem("unexplainedSessions", "sessions still coded N (no reason "
                + "recorded): 4 January 2027 morning; record the reason for each before asking for a notice"));
    }

    @Test
    void aTermTimeHolidayNeedsNoNoticeToImproveLettersOrMeetingsButNeedsGSessions() {
        var form = new RequestForm(RequestRoute.TERM_TIME_HOLIDAY, FROM, TO, List.of(SAM), "Holiday in Spain");
        assertThat(EvidenceCheck.problems(form, evidence(sessions("G", 10), List.of(), 2, null, List.of()), TODAY)).isEmpty();
        assertThat(where(EvidenceCheck.problems(form, evidence(sessions("U", 10), List.of(), 2, null, List.of()), TODAY)))
                .containsExactly("holidaySessions");
    }

    @Test
    void theNoticeToImproveMustHaveEndedWithoutImprovementAndWithARequest() {
        var form = new RequestForm(RequestRoute.NOT_IMPROVED_AFTER_NOTICE, FROM, TO, List.of(SAM), "Statement");
        for (var nti : List.of(notice(NoticeToImproveStatus.OPEN, null), notice(NoticeToImproveStatus.IMPROVED, null),
                notice(NoticeToImproveStatus.NOT_IMPROVED, NextStep.NO_REQUEST))) {
            assertThat(where(EvidenceCheck.problems(form, evidence(sessions("U", 10), List.of(), 8, nti,
                    LETTER_AND_MEETING), TODAY))).as(nti.status().name()).containsExactly("noticeToImprove");
        }
    }

    @Test
    void nineQualifyingSessionsAreTooFewAndTenAreEnough() {
        var form = new RequestForm(RequestRoute.TERM_TIME_HOLIDAY, FROM, TO, List.of(SAM), "Holiday");
        assertThat(EvidenceCheck.problems(form, evidence(sessions("G", 9), List.of(), 2, null, List.of()), TODAY))
                .containsExactly(new Problem("sessions", "only 9 sessions in the period count toward the penalty "
                        + "threshold and are not already on a notice; at least 10 are needed"));
        assertThat(EvidenceCheck.problems(form, evidence(sessions("G", 10), List.of(), 2, null, List.of()), TODAY)).isEmpty();
    }

    @Test
    void aParentListedTwiceAndAFuturePeriodAreRefused() {
        var twice = new RequestForm(RequestRoute.TERM_TIME_HOLIDAY, FROM, TO,
                List.of(SAM, new RequestForm.ParentLine("sam  PARENT", "elsewhere", SAM.dateOfBirth(), null)), "Holiday");
        assertThat(where(EvidenceCheck.problems(twice, evidence(sessions("G", 10), List.of(), 2, null, List.of()), TODAY)))
                .containsExactly("parents[1]");
        var future = new RequestForm(RequestRoute.TERM_TIME_HOLIDAY, FROM, TODAY.plusDays(1), List.of(SAM), "Holiday");
        assertThat(where(EvidenceCheck.problems(future, evidence(List.of(), List.of(), 0, null, List.of()), TODAY)))
                .containsExactly("periodTo");
    }
}
