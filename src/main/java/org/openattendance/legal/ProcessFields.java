package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.process.FormValues;

/**
 * Values the legal steps read from a process, through the shared {@link FormValues} (the form just completed, else a
 * process variable), as required text, dates, amounts and ids; and who completed the task.
 */
final class ProcessFields {

    private ProcessFields() {
    }

    static String text(VariableScope scope, String key) {
        return FormValues.text(scope, key);
    }

    static String required(VariableScope scope, String key, String what) {
        String value = text(scope, key);
        if (value == null) {
            throw new InvalidInputException("The form is not complete",
                    List.of(new InvalidInputException.Problem(key, "is required: " + what)));
        }
        return value;
    }

    /** A date field: YYYY-MM-DD, or the date part of a date and time. */
    static LocalDate date(VariableScope scope, String key) {
        String value = text(scope, key);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("The form is not complete",
                    List.of(new InvalidInputException.Problem(key, "must be a date (YYYY-MM-DD)")));
        }
    }

    static BigDecimal amount(VariableScope scope, String key) {
        String value = text(scope, key);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The form is not complete",
                    List.of(new InvalidInputException.Problem(key, "must be an amount in pounds")));
        }
    }

    static UUID id(VariableScope scope, String key) {
        Object value = scope.getVariable(key);
        return value == null ? null : UUID.fromString(value.toString());
    }

    /** Who completed the task: the signed-in user of the task API, else the task's assignee, else the engine's user. */
    static String actor(DelegateTask task) {
        String by = text(task, "completedBy");
        if (by != null) {
            return by;
        }
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : "unknown";
    }
}
