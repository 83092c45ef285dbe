package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openattendance.support.DecisionTables;

/**
 * The DMN policy tables under processes/, row by row, on the standalone DMN engine (fast tier: no Spring context).
 * That the case deploys and calls them is the process tests' part.
 */
class PolicyTablesTest {

    static final DmnDecision LADDER_POLICY = DecisionTables.decision("ladder-policy");
    static final DmnDecision NO_CONTACT_STEPS = DecisionTables.decision("no-contact-steps");
    static final DmnDecision NEXT_STAGE = DecisionTables.decision("next-stage");

    @ParameterizedTest
    @CsvSource({"firstDayContact,0", "homeVisit,1", "socialWorkerNotice,1", "cmeReferral,2", "letterReview,2",
            "meeting,10", "reasonableAdjustments,10", "supportPlan,10", "supportPlanReviewPeriod,30",
            "supportPlanReview,5", "taf,20", "attendanceContract,15", "considerNotice,10", "laNoticeDecision,10",
            "jointApproach,10", "sicknessReturn,5", "monitoringPeriod,30", "overdueFollowUp,2",
            "virtualSchoolNotice,1", "safeguardingReferral,0"})
    void ladderPolicyRows(String item, int days) {
        var result = DecisionTables.evaluate(LADDER_POLICY, Map.of("policyItem", item));
        assertThat((Object) result.getSingleEntry()).isEqualTo(days);
    }

    @Test
    void ladderPolicyHasNoRowForAnUnknownItem() {
        assertThat(DecisionTables.evaluate(LADDER_POLICY, Map.of("policyItem", "nothing"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1,,false,false", "2,,false,false", "3,,false,true", "9,,false,true",
            "1,sw.jones,false,false", "2,sw.jones,false,true", "2,,true,true"})
    void noContactStepsRows(int days, String socialWorker, boolean lookedAfter, boolean homeVisit) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("unexplainedDays", days);
        variables.put("socialWorker", socialWorker);
        variables.put("lookedAfter", lookedAfter);
        assertThat((Object) DecisionTables.evaluate(NO_CONTACT_STEPS, variables).getSingleEntry())
                .isEqualTo(homeVisit);
    }

    @ParameterizedTest
    @CsvSource({"SUPPORT_PLAN,IMPROVED,false,false,MONITORING", "TAF,IMPROVED,true,true,MONITORING",
            "ATTENDANCE_CONTRACT,IMPROVED,false,false,MONITORING",
            "SUPPORT_PLAN,NOT_IMPROVED,true,false,TAF", "SUPPORT_PLAN,NOT_IMPROVED,false,true,TAF",
            "SUPPORT_PLAN,NOT_IMPROVED,false,false,ATTENDANCE_CONTRACT", "TAF,NOT_IMPROVED,true,true,ATTENDANCE_CONTRACT",
            "ATTENDANCE_CONTRACT,NOT_IMPROVED,true,true,NOTICE_TO_IMPROVE"})
    void nextStageRows(String stage, String outcome, boolean agencies, boolean sendOrMedical, String next) {
        var result = DecisionTables.evaluate(NEXT_STAGE, Map.of("ladderStage", stage,
                "reviewOutcome", outcome, "otherAgenciesNeeded", agencies, "sendOrMedical", sendOrMedical));
        assertThat((Object) result.getSingleEntry()).isEqualTo(next);
    }
}
