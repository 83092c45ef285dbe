package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseProcessSupport.TestCase;
import org.openattendance.school.Cohort;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path through processes/attendance-case.bpmn on the real engine, with timers driven by hand. */
@IntegrationTest
class AttendanceCaseProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    CaseProcessSupport cases;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(new java.util.Date());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anUnexplainedAbsenceGivesTheSchoolAContactTaskWithItsFormDueDateAndDecisionOnTheTimeline() {
        TestCase c = cases.openCase();
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);

        var task = cases.one(c, "contact-parents");
        assertThat(task).hasCandidateGroup("school-" + c.schoolUrn() + "-attendance").hasName("Contact the parents today");
        assertThat(task.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        assertThat(forms.getTaskFormData(task.getId()).getCamundaFormRef().getKey()).isEqualTo("first-day-contact");
        assertThat(cases.stage(c)).isEqualTo(Stage.FIRST_DAY_CONTACT);
        assertThat(cases.timeline(c)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(CaseEventKind.DECISION);
            assertThat(e.decisionKey()).isEqualTo("no-contact-steps");
            assertThat(e.decisionVersion()).isPositive();
            assertThat(e.detail()).isEqualTo("homeVisitDue = false");
        });

        cases.complete(c, "contact-parents", "outcome", "REASON_GIVEN", "code", "I");

        assertThat(c.instance()).hasPassed("ua-record", "ua-recorded").isActive();
        assertThat(cases.open(c, "contact-parents")).isEmpty();
    }

    @Test
    void anOverdueTaskTellsTheTeamsManagerAndStaysOpen() {
        TestCase c = cases.openCase();
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);

        assertThat(cases.passTime(c, Duration.ofDays(1))).isEqualTo(1);

        var overdue = cases.one(c, "contact-parents-overdue-task");
        assertThat(overdue).hasName("Overdue: Contact the parents today")
                .hasCandidateGroup("school-" + c.schoolUrn() + "-managers");
        assertThat(cases.open(c, "contact-parents")).hasSize(1);
    }
}
