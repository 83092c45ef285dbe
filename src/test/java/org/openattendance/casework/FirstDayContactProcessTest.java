package org.openattendance.casework;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Proves the wiring: the model from processes/ runs, routes its task to the school's group and finds its form. */
@IntegrationTest
class FirstDayContactProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;

    @BeforeEach
    void useThisEngine() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void theContactTaskGoesToTheSchoolsAttendanceStaffWithItsFormAndEndsTheProcess() throws Exception {
        var instance = runtime.startProcessInstanceByKey("first-day-contact", "B801200005001-2026-27",
                Map.of("schoolUrn", "100001", "dueDate", new Date()));

        assertThat(instance).isWaitingAt("contact-parents");
        assertThat(task(instance)).hasCandidateGroup("school-100001-attendance").hasName("Contact the parents today");
        var taskId = task(instance).getId();
        org.assertj.core.api.Assertions.assertThat(forms.getTaskFormData(taskId).getCamundaFormRef().getKey())
                .isEqualTo("first-day-contact");
        org.assertj.core.api.Assertions.assertThat(new String(forms.getDeployedTaskForm(taskId).readAllBytes()))
                .contains("\"id\": \"first-day-contact\"");

        complete(task(instance), withVariables("outcome", "REASON_GIVEN", "code", "I", "notes", "Mother: flu"));

        assertThat(instance).isEnded().hasPassed("contact-recorded");
    }
}
