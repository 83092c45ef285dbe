package org.openattendance.casework.steps;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.shared.London;
import org.springframework.stereotype.Component;

/**
 * On every user task of the case (added by {@code CaseTimelinePlugin}, not written in the model): the timeline shows
 * each task created, with its due date, and who completed it with what.
 */
@Component("taskLog")
public class TaskLog implements TaskListener {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final CaseStore cases;

    TaskLog(CaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID id = CaseVariables.caseId(task.getExecution());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            cases.addEvent(id, CaseEventKind.TASK, "Task: " + task.getName(), dueText(task.getDueDate()), null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Object submission = task.getVariable("submission");
            cases.addEvent(id, CaseEventKind.TASK, "Completed: " + task.getName(),
                    submission == null ? null : submission.toString(), CaseVariables.actor(task));
        }
    }

    /** "due 23 November 2026" on the timeline, the school's day in England, not the server's date format. */
    public static String dueText(Date due) {
        return due == null ? "no due date" : "due " + DUE.format(London.day(due));
    }
}
