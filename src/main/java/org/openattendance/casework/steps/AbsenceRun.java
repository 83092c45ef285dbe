package org.openattendance.casework.steps;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openattendance.school.SchoolDays;
import org.springframework.stereotype.Component;

/**
 * The first school day of the pupil's current run of unexplained absence, from the day of the signal and the run's
 * length: {@code ${absenceRun.start(execution)}} in the model, so that a step can happen once per run.
 */
@Component("absenceRun")
public class AbsenceRun {

    private final SchoolDays schoolDays;

    AbsenceRun(SchoolDays schoolDays) {
        this.schoolDays = schoolDays;
    }

    public String start(DelegateExecution execution) {
        Object date = execution.getVariable("absenceDate");
        Object days = execution.getVariable("unexplainedDays");
        LocalDate day = date == null ? CaseVariables.today() : LocalDate.parse(date.toString());
        int back = days instanceof Number n ? Math.max(n.intValue() - 1, 0) : 0;
        return schoolDays.before((String) execution.getVariable("schoolUrn"), day, back).toString();
    }
}
