package org.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openattendance.support.DecisionTables;

/**
 * processes/leave-reason-screen.dmn, row by row, on the standalone DMN engine (fast tier): advice only, never a
 * decision.
 */
class LeaveReasonScreenTest {

    static final DmnDecision SCREEN = DecisionTables.decision("leave-reason-screen");

    @ParameterizedTest
    @CsvSource({"REGULATED_PERFORMANCE,1,LIKELY_C1", "REGULATED_PERFORMANCE,20,LIKELY_C1",
            "FUNERAL,1,LIKELY_C", "FUNERAL,3,LIKELY_C", "FUNERAL,4,HEADTEACHER_WEIGHS_IT",
            "FAMILY_HOLIDAY,1,NOT_EXCEPTIONAL_UNLESS_HEAD_FINDS_OTHERWISE",
            "FAMILY_HOLIDAY,10,NOT_EXCEPTIONAL_UNLESS_HEAD_FINDS_OTHERWISE",
            "WEDDING,1,HEADTEACHER_WEIGHS_IT", "SERIOUS_ILLNESS_IN_FAMILY,2,HEADTEACHER_WEIGHS_IT",
            "FORCES_FAMILY,5,HEADTEACHER_WEIGHS_IT", "OTHER,1,HEADTEACHER_WEIGHS_IT"})
    void everyReasonGetsAdvice(String reason, double schoolDays, String advice) {
        var result = DecisionTables.evaluate(SCREEN, Map.of("reason", reason, "schoolDays", schoolDays));
        assertThat((Object) result.getSingleEntry()).isEqualTo(advice);
    }

    @ParameterizedTest
    @CsvSource({"FAMILY_HOLIDAY", "FUNERAL", "WEDDING", "SERIOUS_ILLNESS_IN_FAMILY", "REGULATED_PERFORMANCE",
            "FORCES_FAMILY", "OTHER"})
    void everyReasonOnThePageIsKnownToTheTable(String reason) {
        assertThat(LeaveReason.parse(reason)).isPresent();
        assertThat(DecisionTables.evaluate(SCREEN, Map.of("reason", reason, "schoolDays", 2.0)))
                .hasSize(1);
    }
}
