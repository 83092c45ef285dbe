package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ladder policy's answers are kept per deployed version of the table: a version the LA deploys answers from the
 * next look-up on, and when it is withdrawn the previous version answers again.
 */
@IntegrationTest
class LadderPolicyVersionsTest {

    @Autowired
    LadderPolicy policy;
    @Autowired
    CaseEngine engine;
    @Autowired
    RepositoryService repository;

    @Test
    void aNewVersionOfTheTableAnswersFromTheNextLookUp() throws IOException {
        assertThat(policy.days("homeVisit")).isEqualTo(1);
        int version = engine.latestDecisionVersion(LadderPolicy.DECISION);
        String table;
        try (InputStream in = getClass().getResourceAsStream("/processes/ladder-policy.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String changed = table.replace("<outputEntry id=\"ladder-policy-rule-2-out-0\"><text>1</text>",
                "<outputEntry id=\"ladder-policy-rule-2-out-0\"><text>3</text>");
        assertThat(changed).isNotEqualTo(table);

        String deployment = repository.createDeployment().name("The LA gives home visits 3 days")
                .addString("processes/ladder-policy.dmn", changed).deploy().getId();
        try {
            assertThat(engine.latestDecisionVersion(LadderPolicy.DECISION)).isEqualTo(version + 1);
            assertThat(policy.days("homeVisit")).isEqualTo(3);
            assertThat(policy.days("firstDayContact")).isZero();
        } finally {
            repository.deleteDeployment(deployment, true);
        }
        assertThat(engine.latestDecisionVersion(LadderPolicy.DECISION)).isEqualTo(version);
        assertThat(policy.days("homeVisit")).isEqualTo(1);
    }

    @Test
    void anItemTheTableDoesNotKnowIsAClearError() {
        assertThatThrownBy(() -> policy.days("noSuchItem")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no row for 'noSuchItem'");
    }
}
