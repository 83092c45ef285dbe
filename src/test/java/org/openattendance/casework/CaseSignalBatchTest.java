package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.attendance.AttendanceSignal;
import org.openattendance.attendance.AttendanceSnapshot;
import org.openattendance.attendance.SignalKind;
import org.openattendance.attendance.calculator.AttendanceBand;
import org.openattendance.school.PupilRoll;
import org.openattendance.shared.AcademicYear;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signals of one recalculation are handled a group to a transaction: a signal that fails takes none of the others
 * with it, and a batch delivered again (a resubmitted publication) opens no second case and no second task.
 */
@IntegrationTest
class CaseSignalBatchTest {

    @Autowired
    CaseSignals signals;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PupilRoll roll;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSignalThatFailsTakesNoneOfTheOthersWithItAndABatchDeliveredAgainChangesNothing() {
        var school = fixtures.school(fixtures.newLaCode());
        List<String> upns = fixtures.pupils(school, 3);
        var enrolled = roll.byUpn(school.urn());
        String year = AcademicYear.containing(Fixtures.today()).toString();
        var batch = List.of(
                firstDay(enrolled.get(upns.get(0)).pupilId(), upns.get(0), school.urn(), year),
                firstDay(-42, "X999999999999", school.urn(), year),
                firstDay(enrolled.get(upns.get(1)).pupilId(), upns.get(1), school.urn(), year),
                firstDay(enrolled.get(upns.get(2)).pupilId(), upns.get(2), school.urn(), year));

        assertThatThrownBy(() -> signals.handleAll(batch)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> signals.handleAll(batch)).isInstanceOf(RuntimeException.class);

        for (String upn : upns) {
            assertThat(jdbc.queryForObject("select count(*) from attendance_case where upn = ?", Integer.class, upn))
                    .as("the case of %s", upn).isEqualTo(1);
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(upn + "-" + year)
                    .taskDefinitionKey("contact-parents").count()).as("the first-day contact of %s", upn).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from attendance_case where pupil_id = -42", Integer.class)).isZero();
    }

    private static AttendanceSignal firstDay(long pupilId, String upn, String schoolUrn, String year) {
        return new AttendanceSignal(SignalKind.UNEXPLAINED_ABSENCE, pupilId, upn, schoolUrn, year, Fixtures.today(),
                new AttendanceSnapshot(pupilId, year, Fixtures.today(), 20, 19, 0, 1, new BigDecimal("95.0"),
                        AttendanceBand.values()[0], 1, null, null, false, 1, 0), "run from " + Fixtures.today() + ", day 1");
    }
}
