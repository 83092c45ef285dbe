package org.openattendance.staffweb.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openattendance.casework.CaseStore.CaseRecord;
import org.openattendance.casework.Priority;
import org.openattendance.casework.Stage;
import org.openattendance.staffweb.shell.Labels;

/** The case ladder: "Passed" only for a stage the case entered; every stage with open work shown as open. */
class CaseLadderTest {

    private static CaseRecord at(Stage stage) {
        return new CaseRecord(UUID.randomUUID(), 1L, "A123456789012", "2026-27", "100000", "881", stage, "OPEN",
                Priority.NORMAL, "pi", Instant.now(), null, null);
    }

    private static Map<String, String> statuses(List<PupilPage.Rung> rungs) {
        return rungs.stream().collect(Collectors.toMap(PupilPage.Rung::stage, PupilPage.Rung::status));
    }

    @Test
    void anOpenReferralIsNotHiddenBehindALaterHomeVisit() {
        // First-day contact, then the referral to the LA, then a home visit while the referral is still open.
        var ladder = statuses(PupilPage.ladder(at(Stage.HOME_VISIT),
                EnumSet.of(Stage.FIRST_DAY_CONTACT, Stage.CME_REFERRAL, Stage.HOME_VISIT), EnumSet.of(Stage.CME_REFERRAL)));
        assertThat(ladder.get(Labels.stage(Stage.HOME_VISIT))).isEqualTo("CURRENT");
        assertThat(ladder.get(Labels.stage(Stage.CME_REFERRAL))).isEqualTo("OPEN");
        assertThat(ladder.get(Labels.stage(Stage.FIRST_DAY_CONTACT))).isEqualTo("PASSED");
        assertThat(ladder.get(Labels.stage(Stage.LETTER))).isEqualTo("NOT_REACHED");
    }

    @Test
    void passedOnlyForAStageTheCaseWentThrough() {
        var ladder = statuses(PupilPage.ladder(at(Stage.MEETING), EnumSet.of(Stage.LETTER, Stage.MEETING),
                EnumSet.noneOf(Stage.class)));
        assertThat(ladder.get(Labels.stage(Stage.LETTER))).isEqualTo("PASSED");
        assertThat(ladder.get(Labels.stage(Stage.FIRST_DAY_CONTACT))).isEqualTo("SKIPPED");
        assertThat(ladder.get(Labels.stage(Stage.HOME_VISIT))).isEqualTo("SKIPPED");
        assertThat(ladder.get(Labels.stage(Stage.CME_REFERRAL))).isEqualTo("SKIPPED");
        assertThat(ladder.values()).filteredOn("PASSED"::equals).hasSize(1);
        assertThat(PupilPage.ladder(at(Stage.MEETING), EnumSet.of(Stage.LETTER, Stage.MEETING), EnumSet.noneOf(Stage.class)))
                .filteredOn(r -> r.status().equals("SKIPPED")).allSatisfy(r -> assertThat(r.statusText()).isEqualTo("Not used"));
    }
}
