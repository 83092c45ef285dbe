package org.openattendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ApplicationStartsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    ApplicationContext context;

    /** Names in model expressions that are the engine's own, not beans. */
    private static final Set<String> NOT_BEANS = Set.of("execution", "task", "true", "false", "null", "empty", "not");

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

    /**
     * Every delegate, listener and expression bean the models in processes/ name exists, so a step renamed or moved
     * in the code cannot leave a model calling nothing (the fast routing tests mock the steps and would not notice).
     * Process variables in expressions ({@code ${due}}, {@code ${grantedAny}}) are told apart by not being beans
     * and not being used as delegates or method calls.
     */
    @Test
    void everyBeanTheModelsNameExists() throws IOException {
        Pattern delegate = Pattern.compile("(?:delegateExpression=\"\\$\\{|\\$\\{)([a-zA-Z][a-zA-Z0-9]*)(\\}\"|\\.)");
        var missing = new TreeSet<String>();
        var named = new TreeSet<String>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                String xml = Files.readString(model);
                var matcher = delegate.matcher(xml);
                while (matcher.find()) {
                    String name = matcher.group(1);
                    boolean asDelegate = matcher.group(0).startsWith("delegateExpression")
                            || ".".equals(matcher.group(2));
                    if (asDelegate && !NOT_BEANS.contains(name)) {
                        named.add(name);
                        if (!context.containsBean(name)) {
                            missing.add(model.getFileName() + ": " + name);
                        }
                    }
                }
            }
        }
        assertThat(named).as("the models name their steps").contains("requestLetter", "enterStage", "leaveDecisionMade",
                "ladderPolicy");
        assertThat(missing).as("beans the models name but the application lacks").isEmpty();
    }
}
