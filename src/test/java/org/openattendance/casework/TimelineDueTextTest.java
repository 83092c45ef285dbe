package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

class TimelineDueTextTest {

    @Test
    void aTasksDueDateReadsAsADayInEngland() {
        // 23:30 UTC on 31 March 2026 is already 1 April in British Summer Time.
        assertThat(org.openattendance.casework.steps.TaskLog.dueText(Date.from(Instant.parse("2026-03-31T23:30:00Z")))).isEqualTo("due 1 April 2026");
        assertThat(org.openattendance.casework.steps.TaskLog.dueText(Date.from(Instant.parse("2026-11-23T19:12:30Z")))).isEqualTo("due 23 November 2026");
        assertThat(org.openattendance.casework.steps.TaskLog.dueText(null)).isEqualTo("no due date");
    }
}
