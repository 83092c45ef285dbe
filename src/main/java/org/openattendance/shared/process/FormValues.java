package org.openattendance.shared.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a step reads of the form just submitted. The task API and the task page pass the whole submission as the
 * variable {@code form} (only the routing fields become process variables of their own), so a value is looked for in
 * the submission first and then among the process variables. The one way every step of every process reads them.
 */
public final class FormValues {

    /** The process variable that holds the last submitted form. */
    public static final String FORM = "form";

    private FormValues() {
    }

    /** The value as submitted, else the process variable of that name; null when neither is there. */
    public static Object value(VariableScope scope, String key) {
        Object form = scope.getVariable(FORM);
        if (form instanceof Map<?, ?> submitted && submitted.get(key) != null) {
            return submitted.get(key);
        }
        return scope.getVariable(key);
    }

    /** The value as text without surrounding spaces; null when it is missing or blank. */
    public static String text(VariableScope scope, String key) {
        Object value = value(scope, key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
