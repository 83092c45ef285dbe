package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.school.Cohort;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A planned deletion from roll tells the pupil's social worker and Virtual School Head: task and e-mail. */
@IntegrationTest
class DeletionFromRollTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aPlannedDeletionOfALookedAfterPupilWithASocialWorkerTellsBothOnceWithATaskAndAnEmail() {
        var school = fixtures.school(fixtures.newLaCode());
        String worker = fixtures.userWithEmail(Role.SOCIAL_WORKER, Set.of(), null);
        String head = fixtures.userWithEmail(Role.VIRTUAL_SCHOOL_HEAD, Set.of(), school.laCode());
        String upn = fixtures.newUpn();
        var pupil = fixtures.pupilData(upn, worker, Set.of(Cohort.LOOKED_AFTER));
        fixtures.save(school, pupil);
        LocalDate lastDay = Fixtures.today().plusDays(10);

        fixtures.save(school, leaving(pupil, lastDay));

        ProcessInstance instance = await().atMost(Duration.ofSeconds(20)).until(() -> engine.getRuntimeService()
                .createProcessInstanceQuery().processInstanceBusinessKey(upn + "-deletion-" + lastDay).singleResult(),
                found -> found != null);
        var toWorker = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("deletion-tell-social-worker").singleResult();
        assertThat(toWorker).isAssignedTo(worker);
        var toHead = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("deletion-tell-virtual-school").singleResult();
        assertThat(toHead).hasCandidateGroup("la-" + school.laCode() + "-virtual-school");
        assertThat(engine.getTaskService().getVariable(toHead.getId(), "deletionDate"))
                .isEqualTo(lastDay.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(worker + "@test.example") == 1
                && mailsTo(head + "@test.example") == 1);
        assertThat(jdbc.queryForObject("select body from outbox_message where recipient = ?", String.class,
                worker + "@test.example")).contains("/tasks/" + toWorker.getId()).doesNotContain(upn);

        fixtures.save(school, leaving(pupil, lastDay));   // the same deletion uploaded again
        engine.getTaskService().complete(toWorker.getId(), java.util.Map.of("deletionAction", "NOTED"));
        engine.getTaskService().complete(toHead.getId(), java.util.Map.of("deletionAction", "CHECKING_DESTINATION"));
        assertThat(instance).isEnded().hasPassed("social-worker-told", "virtual-school-told");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(upn + "-deletion-" + lastDay).count()).isOne();
    }

    @Test
    void aPupilWithNeitherASocialWorkerNorLookedAfterStartsNothing() {
        var school = fixtures.school(fixtures.newLaCode());
        String upn = fixtures.newUpn();
        var pupil = fixtures.pupilData(upn, null, Set.of());
        fixtures.save(school, pupil);
        LocalDate lastDay = Fixtures.today();

        fixtures.save(school, leaving(pupil, lastDay));

        assertThat(jdbc.queryForObject("select deletion_date from pupil where upn = ?", LocalDate.class, upn)).isEqualTo(lastDay);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> engine.getRuntimeService()
                .createProcessInstanceQuery().processInstanceBusinessKey(upn + "-deletion-" + lastDay).count() == 0);
    }

    private static PupilData leaving(PupilData pupil, LocalDate lastDay) {
        return new PupilData(pupil.upn(), pupil.forename(), pupil.surname(), pupil.dateOfBirth(), pupil.yearGroup(),
                pupil.admissionDate(), pupil.cohorts(), pupil.socialWorker(), pupil.parents(), lastDay,
                "Registered at another school");
    }

    private int mailsTo(String address) {
        return jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Integer.class, address);
    }
}
