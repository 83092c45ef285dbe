package org.openattendance;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ApplicationStartsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;

    @Test
    void migratesTheSchemaAndLoadsEveryAttendanceCodeFromTheCsv() {
        assertThat(jdbc.queryForObject("select version()", String.class)).contains("PostgreSQL 17");
        assertThat(jdbc.queryForObject("select count(*) from attendance_code", Integer.class)).isEqualTo(34);
        assertThat(jdbc.queryForObject("select counts_toward_penalty_threshold from attendance_code where code = 'G'",
                Boolean.class)).isTrue();
    }

    @Test
    void deploysTheProcessesAndFormsFromTheTopLevelFoldersUnderStableNames() {
        // The deployment of the case process, not simply the newest: tests that ran earlier in the same context may
        // have deployed models of their own (InboxPagingTest's open-tasks.bpmn).
        var deployment = repository.createProcessDefinitionQuery().processDefinitionKey("attendance-case")
                .latestVersion().singleResult().getDeploymentId();
        var resources = repository.getDeploymentResourceNames(deployment);
        assertThat(resources).contains("processes/attendance-case.bpmn", "processes/leave-request.bpmn",
                "processes/ladder-policy.dmn", "forms/first-day-contact.form");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("attendance-case").count()).isPositive();
    }
}
