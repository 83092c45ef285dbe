package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.junit.jupiter.api.Test;
import org.openattendance.casework.steps.TaskLog;

/** The timeline's "due ..." of a task moves back with the case, as TaskLog writes it. */
class CaseHistoryShiftTest {

    @Test
    void movesTheDueDateOfATaskOnTheTimelineBackByWholeDays() {
        assertThat(CaseHistoryShift.dueMovedBack("due 2 December 2026", 14)).isEqualTo("due 18 November 2026");
        assertThat(CaseHistoryShift.dueMovedBack("due 5 January 2027", 7)).isEqualTo("due 29 December 2026");
    }

    @Test
    void readsWhatTaskLogWrites() {
        String written = TaskLog.dueText(Date.from(java.time.Instant.parse("2026-12-02T17:00:00Z")));
        assertThat(CaseHistoryShift.dueMovedBack(written, 1)).isEqualTo("due 1 December 2026");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(CaseHistoryShift.dueMovedBack("no due date", 7)).isNull();
        assertThat(CaseHistoryShift.dueMovedBack("due soon", 7)).isNull();
    }
}
