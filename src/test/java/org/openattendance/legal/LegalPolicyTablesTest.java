package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openattendance.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The legal policy tables under processes/, row by row, as deployed, and as the module reads them. */
@IntegrationTest
class LegalPolicyTablesTest {

    @Autowired
    DecisionService decisions;
    @Autowired
    LegalPolicy policy;

    @ParameterizedTest(name = "{0} earlier notices: may issue {1}, occasion {2}, {3} within {4} days, {5} within {6}")
    @CsvSource({"0, true, 1, 80.00, 21, 160.00, 28", "1, true, 2, , , 160.00, 28", "2, false, 3, , , , ",
            "3, false, 3, , , , ", "7, false, 3, , , , "})
    void penaltyNoticePolicyGivesTheNationalFigures(int earlier, boolean mayIssue, int occasion, String reduced,
                                                    Integer reducedDays, String full, Integer fullDays) {
        var row = decisions.evaluateDecisionTableByKey("penalty-notice-policy", Map.of("earlierNotices", earlier))
                .getSingleResult();
        assertThat((Boolean) row.get("mayIssue")).isEqualTo(mayIssue);
        assertThat(((Number) row.get("occasion")).intValue()).isEqualTo(occasion);

        var right = policy.rightToIssue(earlier);
        assertThat(right.mayIssue()).isEqualTo(mayIssue);
        assertThat(right.version()).isPositive();
        if (!mayIssue) {
            assertThat(right.terms()).isNull();
            return;
        }
        assertThat(right.terms().occasion()).isEqualTo(occasion);
        assertThat(right.terms().fullAmount()).isEqualByComparingTo(full);
        assertThat(right.terms().fullWithinDays()).isEqualTo(fullDays);
        if (reduced == null) {
            assertThat(right.terms().hasReduction()).isFalse();
        } else {
            assertThat(right.terms().reducedAmount()).isEqualByComparingTo(reduced);
            assertThat(right.terms().reducedWithinDays()).isEqualTo(reducedDays);
        }
    }

    @ParameterizedTest
    @CsvSource({"FIRST_CLASS_POST, 2", "SECOND_CLASS_POST, 4", "BY_HAND, 0"})
    void theReceiptRuleCountsWorkingDaysFromPosting(ServiceMethod method, int days) {
        assertThat(policy.receipt(method).workingDays()).isEqualTo(days);
    }

    @ParameterizedTest
    @CsvSource({"ntiPeriodWeeks, 6", "ntiAllowedSessions, 0", "holidayRequestSchoolDays, 10", "requestDecision, 10",
            "recordService, 2", "unpaidDecision, 10", "routeDecision, 10", "esoConsideration, 10"})
    void legalPolicyRows(String item, int value) {
        var found = policy.item(item);
        assertThat(found.value()).isEqualTo(value);
        assertThat(found.meaning()).isNotBlank();
        assertThat(found.version()).isPositive();
    }

    @Test
    void theImprovementPeriodIsWithinWhatTheLawAllows() {
        assertThat(policy.improvementWeeks().value()).isBetween(3, 6);
        assertThat(policy.item("ntiAllowedSessions").meaning()).contains("G, N, O or U");
    }

    @Test
    void legalPolicyHasNoRowForAnUnknownItem() {
        assertThat(decisions.evaluateDecisionTableByKey("legal-policy", Map.of("policyItem", "nothing"))).isEmpty();
    }
}
