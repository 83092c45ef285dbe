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
        var deployment = repository.createDeploymentQuery().orderByDeploymentTime().desc().list().get(0);
        var resources = repository.getDeploymentResourceNames(deployment.getId());
        assertThat(resources).contains("processes/attendance-case.bpmn", "processes/leave-request.bpmn",
                "processes/ladder-policy.dmn", "forms/first-day-contact.form");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("attendance-case").count()).isPositive();
    }
}
