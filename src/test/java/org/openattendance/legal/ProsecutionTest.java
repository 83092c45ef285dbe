package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openattendance.shared.InvalidInputException;

/** The steps of a prosecution and what each needs first. */
class ProsecutionTest {

    static final LocalDate DAY = LocalDate.of(2027, 4, 12);

    static Prosecution open() {
        return Prosecution.open(null, 1, "U", "1", "881", UUID.randomUUID(),
                new NoticeParent("Sam Parent", "1 High Street", LocalDate.of(1985, 5, 1), null), "la.officer", Instant.now());
    }

    static EsoConsideration eso(EsoConsideration.Decision decision) {
        return new EsoConsideration(UUID.randomUUID(), null, 1, "U", "881", DAY, decision, "reasons", "la.officer",
                Instant.now());
    }

    @Test
    void theInformationCannotBeLaidBeforeAnEducationSupervisionOrderWasConsidered() {
        var prosecution = open();
        assertThatThrownBy(() -> prosecution.lay(Offence.S444_1, CourtRoute.SJP, "Northtown Magistrates", DAY, "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::where).containsExactly("esoConsideration"));
        prosecution.esoConsidered(eso(EsoConsideration.Decision.NOT_APPLY));
        prosecution.lay(Offence.S444_1, CourtRoute.SJP, "Northtown Magistrates", DAY, "x");
        assertThat(prosecution.status()).isEqualTo(ProsecutionStatus.AT_COURT);
    }

    @Test
    void sectionFourFourFourOneANeedsAnInterviewUnderCautionFirst() {
        var prosecution = open();
        prosecution.esoConsidered(eso(EsoConsideration.Decision.NOT_APPLY));
        assertThatThrownBy(() -> prosecution.lay(Offence.S444_1A, CourtRoute.HEARING, "Northtown", DAY, "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot go to court yet");
        prosecution.interviewed(new Prosecution.Interview(DAY.minusDays(7), "la.officer", "PACE interview"));
        prosecution.lay(Offence.S444_1A, CourtRoute.HEARING, "Northtown", DAY, "x");
        assertThat(prosecution.offence()).isEqualTo(Offence.S444_1A);
    }

    @Test
    void applyingForAnEducationSupervisionOrderStopsTheProsecution() {
        var prosecution = open();
        prosecution.esoConsidered(eso(EsoConsideration.Decision.APPLY));
        assertThat(prosecution.status()).isEqualTo(ProsecutionStatus.STOPPED);
        assertThat(prosecution.stoppedReason()).contains("education supervision order");
    }

    @Test
    void aFineIsWithinTheMaximumForTheOffence() {
        var prosecution = open();
        prosecution.esoConsidered(eso(EsoConsideration.Decision.NOT_APPLY));
        prosecution.lay(Offence.S444_1, CourtRoute.HEARING, "Northtown", DAY, "x");
        assertThatThrownBy(() -> prosecution.conclude(new Prosecution.Outcome(CourtOutcome.FINE, new BigDecimal("1500"),
                DAY, "x"))).isInstanceOf(InvalidInputException.class);
        prosecution.conclude(new Prosecution.Outcome(CourtOutcome.FINE, new BigDecimal("440"), DAY, "x"));
        assertThat(prosecution.outcome().fineAmount()).isEqualByComparingTo("440");
        assertThat(prosecution.status()).isEqualTo(ProsecutionStatus.CONCLUDED);
    }

    @Test
    void aPaymentStopsAProsecutionBeforeCourtAndFlagsOneWithACourtDate() {
        var early = open();
        assertThat(early.noticePaid()).isFalse();
        assertThat(early.status()).isEqualTo(ProsecutionStatus.STOPPED);

        var atCourt = open();
        atCourt.esoConsidered(eso(EsoConsideration.Decision.NOT_APPLY));
        atCourt.lay(Offence.S444_1, CourtRoute.HEARING, "Northtown", DAY, "x");
        atCourt.courtDate(new CourtDate(DAY.plusWeeks(3), CourtDate.Kind.SET, null, "x", Instant.now()));
        assertThat(atCourt.noticePaid()).isTrue();
        assertThat(atCourt.paidWithdrawCase()).isTrue();
        assertThat(atCourt.status()).isEqualTo(ProsecutionStatus.AT_COURT);
        assertThat(atCourt.nextHearing()).isEqualTo(DAY.plusWeeks(3));
    }
}
