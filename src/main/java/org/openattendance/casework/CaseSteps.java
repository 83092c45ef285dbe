package org.openattendance.casework;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.openattendance.notification.LetterRequested;
import org.openattendance.shared.London;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring beans the case model names: stage and priority changes, letters, closing, the hand-over to the
 * legal stages, and the timeline entries for tasks and decisions. Values a step needs (a stage, a letter
 * template, a reason) come from the step's input parameters in the model, so an LA officer reads them there.
 */
@Configuration
class CaseSteps {

    static UUID caseId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("caseId"));
    }

    /** The case of a process that may run without one (e.g. the planned deletion from roll), or null. */
    static UUID caseIdIfAny(DelegateExecution execution) {
        Object id = execution.getVariable("caseId");
        return id == null ? null : UUID.fromString(id.toString());
    }

    /** Used as {@code ${caseStages.enter(execution, 'MEETING')}} on the tasks that start a stage. */
    @Bean
    CaseStages caseStages(CaseStore records) {
        return new CaseStages(records);
    }

    public static class CaseStages {
        private final CaseStore records;

        CaseStages(CaseStore records) {
            this.records = records;
        }

        public void enter(DelegateExecution execution, String stage) {
            UUID id = caseId(execution);
            records.changeStage(id, Stage.valueOf(stage));
            records.addEvent(id, CaseEventKind.STAGE, "Stage: " + Stage.valueOf(stage), null, null);
        }
    }

    /** A service task with input parameter {@code stage}. */
    @Bean
    JavaDelegate enterStage(CaseStore records) {
        return execution -> caseStages(records).enter(execution, (String) execution.getVariableLocal("stage"));
    }

    @Bean
    JavaDelegate markTopPriority(CaseStore records) {
        return execution -> {
            records.changePriority(caseId(execution), Priority.TOP);
            records.addEvent(caseId(execution), CaseEventKind.STAGE, "Priority: TOP", "Severe absence", null);
        };
    }

    /**
     * The first school day of the pupil's current run of unexplained absence, from the day of the signal and the
     * run's length: {@code ${absenceRun.start(execution)}}, so that a step can happen once per run.
     */
    @Bean
    AbsenceRun absenceRun(SchoolDays schoolDays) {
        return new AbsenceRun(schoolDays);
    }

    public static class AbsenceRun {
        private final SchoolDays schoolDays;

        AbsenceRun(SchoolDays schoolDays) {
            this.schoolDays = schoolDays;
        }

        public String start(DelegateExecution execution) {
            Object date = execution.getVariable("absenceDate");
            Object days = execution.getVariable("unexplainedDays");
            java.time.LocalDate day = date == null ? CaseEngine.now().toInstant().atZone(London.ZONE).toLocalDate()
                    : java.time.LocalDate.parse(date.toString());
            int back = days instanceof Number n ? Math.max(n.intValue() - 1, 0) : 0;
            return schoolDays.before((String) execution.getVariable("schoolUrn"), day, back).toString();
        }
    }

    /**
     * Input parameters {@code letterTemplate} and {@code letterFields}: a map from each field the template needs to
     * where its value comes from, a field of the form just completed or else a variable of the case. A value not
     * found is left out (the notification module then holds the letter and says which field is missing). The step
     * key makes the letter unique to this step; the optional {@code letterStep} names the step instead (e.g. once per
     * run of absence rather than each time the step is reached).
     */
    @Bean
    JavaDelegate requestLetter(CaseStore records, ApplicationEventPublisher events) {
        return execution -> {
            UUID id = caseId(execution);
            var record = records.find(id).orElseThrow();
            String template = (String) execution.getVariableLocal("letterTemplate");
            Object step = execution.getVariableLocal("letterStep");
            String stepKey = id + ":" + (step == null ? execution.getActivityInstanceId() : step);
            Map<String, String> fields = letterFields(execution);
            events.publishEvent(new LetterRequested(stepKey, template, id, record.pupilId(), record.upn(),
                    record.schoolUrn(), record.laCode(), fields));
            records.addEvent(id, CaseEventKind.LETTER, "Letter requested: " + template, "step " + stepKey
                    + (fields.isEmpty() ? "" : "; " + new java.util.TreeMap<>(fields)), null);
        };
    }

    static Map<String, String> letterFields(DelegateExecution execution) {
        var fields = new java.util.LinkedHashMap<String, String>();
        Object wanted = execution.getVariableLocal("letterFields");
        if (!(wanted instanceof Map<?, ?> sources)) {
            return fields;
        }
        Object form = execution.getVariable("form");
        for (var entry : sources.entrySet()) {
            String source = String.valueOf(entry.getValue());
            Object value = form instanceof Map<?, ?> submitted && submitted.get(source) != null
                    ? submitted.get(source) : execution.getVariable(source);
            if (value != null && !value.toString().isBlank()) {
                fields.put(String.valueOf(entry.getKey()), value.toString());
            }
        }
        return fields;
    }

    /** Input parameter {@code closedReason}. */
    @Bean
    JavaDelegate closeCase(CaseStore records) {
        return execution -> {
            String reason = (String) execution.getVariableLocal("closedReason");
            records.close(caseId(execution), reason);
            records.addEvent(caseId(execution), CaseEventKind.STAGE, "Case closed", reason, null);
        };
    }

    /** The support ladder ran out: ask the school to consider a notice, as when the penalty threshold is met. */
    @Bean
    JavaDelegate askSchoolToConsiderNotice(CaseStore records, CaseEngine engine) {
        return execution -> {
            records.addEvent(caseId(execution), CaseEventKind.STAGE, "Support did not work: consider a notice", null, null);
            engine.correlate(execution.getProcessInstanceId(), "PenaltyThresholdMet", Map.of());
        };
    }

    /** Records the outcome of a contact with the parents on the timeline. */
    @Bean
    JavaDelegate recordContactOutcome(CaseStore records) {
        return execution -> records.addEvent(caseId(execution), CaseEventKind.TASK, "Reason for the absence recorded",
                "code " + execution.getVariable("code"), null);
    }

    /**
     * On every user task of the case (added by {@link CaseTimelinePlugin}, not written in the model): the timeline
     * shows each task created and who completed it with what.
     */
    @Bean
    TaskListener taskLog(CaseStore records) {
        return task -> {
            UUID id = caseId(task.getExecution());
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                records.addEvent(id, CaseEventKind.TASK, "Task: " + task.getName(), dueText(task.getDueDate()), null);
            } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                Object submission = task.getVariable("submission");
                records.addEvent(id, CaseEventKind.TASK, "Completed: " + task.getName(),
                        submission == null ? null : submission.toString(), actor(task));
            }
        };
    }

    static String actor(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    /**
     * On every business rule task of the case (added by {@link CaseTimelinePlugin}): which table and version decided
     * what.
     */
    @Bean
    ExecutionListener decisionLog(CaseStore records, CaseEngine engine) {
        return execution -> {
            var element = (BusinessRuleTask) execution.getBpmnModelElementInstance();
            String key = element.getCamundaDecisionRef();
            String result = element.getCamundaResultVariable();
            records.addDecision(caseId(execution), CaseEventKind.DECISION, element.getName(),
                    result + " = " + execution.getVariable(result), null, key, engine.latestDecisionVersion(key));
        };
    }

    private static final java.time.format.DateTimeFormatter DUE =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    /** "due 23 November 2026" on the timeline, the school's day in England, not the server's date format. */
    static String dueText(java.util.Date due) {
        return due == null ? "no due date"
                : "due " + DUE.format(due.toInstant().atZone(London.ZONE));
    }
}
