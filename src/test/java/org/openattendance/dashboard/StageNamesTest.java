package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore.CaseEvent;
import org.openattendance.casework.CaseTimelineText;
import org.openattendance.casework.FormAnswers;
import org.openattendance.casework.Stage;
import org.openattendance.shared.London;
import org.openattendance.staffweb.shell.Labels;

/**
 * A stage has one name wherever staff read it: the case ladder on the pupil page (and the inbox and task page, which
 * use the same labels), the case's timeline, and the dashboards' funnel, stage times and recent activity.
 */
class StageNamesTest {

    private final CaseTimelineText timeline = new CaseTimelineText(new FormAnswers(),
            Clock.fixed(Instant.parse("2026-10-07T09:00:00Z"), London.ZONE));

    private String onTheTimeline(String recorded, String detail) {
        var entry = timeline.of(List.of(new CaseEvent(1, Instant.parse("2026-10-07T09:00:00Z"), CaseEventKind.STAGE,
                recorded, detail, null, null, null))).get(0);
        return detail == null ? entry.name() : entry.detail();
    }

    @Test
    void theLadderTheTimelineAndTheDashboardsNameEachStageAlike() {
        for (Stage stage : Stage.values()) {
            String ladder = Labels.stage(stage);
            assertThat(onTheTimeline("Stage: " + stage.name(), null)).isEqualTo("Moved to the stage: " + ladder);
            assertThat(onTheTimeline("Handed over to the legal stages: " + stage.name(), null))
                    .isEqualTo("Handed over to the legal stages: " + ladder);
            assertThat(StageLabels.of(stage)).as("dashboard, %s", stage).isEqualTo(ladder);
            assertThat(StageLabels.action("Stage: " + stage.name())).isEqualTo("Moved to: " + ladder);
            assertThat(ladder).as("%s has a name of its own, not its constant", stage)
                    .doesNotContain("_").isNotEqualTo(stage.name());
        }
        assertThat(new HashSet<>(Arrays.stream(Stage.values()).map(Labels::stage).toList())).hasSize(Stage.values().length);
    }

    @Test
    void theLegalAndEarlyStagesAreWrittenAsTheGuidanceWritesThem() {
        assertThat(Labels.stage(Stage.NOTICE_TO_IMPROVE)).isEqualTo("Notice to Improve");
        assertThat(Labels.stage(Stage.TAF)).isEqualTo("Team Around the Family");
        assertThat(Labels.stage(Stage.FIRST_DAY_CONTACT)).isEqualTo("First-day contact");
        assertThat(Labels.stage(Stage.CME_REFERRAL)).isEqualTo("Children missing education referral");
        // Inside a sentence a name keeps its capitals; other stages read in lower case.
        assertThat(onTheTimeline("Case moved", "From SUPPORT_PLAN to NOTICE_TO_IMPROVE, then FIRST_DAY_CONTACT"))
                .isEqualTo("From support plan to Notice to Improve, then first-day contact");
    }
}
