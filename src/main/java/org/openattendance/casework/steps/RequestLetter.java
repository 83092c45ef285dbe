package org.openattendance.casework.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.casework.CaseEngine;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.notification.LetterRequested;
import org.openattendance.shared.process.FormValues;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks notification for a letter. Input parameters {@code letterTemplate} and {@code letterFields}: a map from each
 * field the template needs to where its value comes from, a field of the form just completed or else a variable of
 * the case. A value not found is left out (notification then holds the letter and says which field is missing).
 * The step key makes the letter unique to this step; the optional {@code letterStep} names the step instead (e.g.
 * once per run of absence rather than each time the step is reached).
 */
@Component("requestLetter")
class RequestLetter implements JavaDelegate {

    private final CaseStore cases;
    private final ApplicationEventPublisher events;

    RequestLetter(CaseStore cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID id = CaseVariables.caseId(execution);
        var kase = cases.find(id).orElseThrow();
        String template = (String) execution.getVariableLocal("letterTemplate");
        Object step = execution.getVariableLocal("letterStep");
        String stepKey = id + ":" + (step == null ? execution.getActivityInstanceId() : step);
        Map<String, String> fields = letterFields(execution);
        events.publishEvent(new LetterRequested(stepKey, template, id, kase.pupilId(), kase.upn(), kase.schoolUrn(),
                kase.laCode(), fields, null, CaseEngine.now().toInstant()));
        cases.addEvent(id, CaseEventKind.LETTER, "Letter requested: " + template, "step " + stepKey
                + (fields.isEmpty() ? "" : "; " + new TreeMap<>(fields)), null);
    }

    static Map<String, String> letterFields(DelegateExecution execution) {
        var fields = new LinkedHashMap<String, String>();
        if (execution.getVariableLocal("letterFields") instanceof Map<?, ?> sources) {
            sources.forEach((field, source) -> {
                String value = FormValues.text(execution, String.valueOf(source));
                if (value != null) {
                    fields.put(String.valueOf(field), value);
                }
            });
        }
        return fields;
    }
}
