package org.openattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.school.Phase;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.security.Role;
import org.openattendance.shared.London;
import org.openattendance.support.Fixtures;
import org.openattendance.support.RegisterUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The first-day sweep after the morning registers close runs on one node at a time (ShedLock), like the other jobs. */
@IntegrationTest
class MorningSweepLockTest {

    @Autowired
    MorningRegisterSweep sweep;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SchoolAdministration schools;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void whileAnotherNodeHoldsTheSweepsLockThisNodeLeavesTheMorningsToItThenSweepsOnceItIsFree() {
        LocalDate today = Fixtures.today();
        Assumptions.assumeTrue(today.getDayOfWeek() != DayOfWeek.SATURDAY && today.getDayOfWeek() != DayOfWeek.SUNDAY,
                "marks for today need a school day");
        Assumptions.assumeTrue(LocalTime.now(London.ZONE).isBefore(LocalTime.of(23, 50)));
        Fixtures.TestSchool school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        setClosingTime(school, LocalTime.of(23, 59));
        String upn = fixtures.pupils(school, 1).get(0);
        load(school, officer, "upn,date,session,code\n" + upn + "," + today + ",AM,N\n");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> Boolean.TRUE.equals(morningPending(upn)));

        // Another node is sweeping: it holds the lock row for the next ten minutes.
        jdbc.update("""
                insert into shedlock (name, lock_until, locked_at, locked_by)
                values (?, now() + interval '10 minutes', now(), 'another-node')
                on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
                                                 locked_by = excluded.locked_by""", MorningRegisterSweep.LOCK);
        setClosingTime(school, LocalTime.of(0, 1));

        sweep.afterRegistersClose();

        assertThat(morningPending(upn)).as("left to the node holding the lock").isTrue();

        jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = ?", MorningRegisterSweep.LOCK);
        sweep.afterRegistersClose();

        assertThat(morningPending(upn)).as("swept once the lock is free").isFalse();
        assertThat(jdbc.queryForObject("select locked_by from shedlock where name = ?", String.class,
                MorningRegisterSweep.LOCK)).as("this node took the lock").isNotEqualTo("another-node");
    }

    private Boolean morningPending(String upn) {
        var rows = jdbc.queryForList("select s.morning_pending from attendance_snapshot s join pupil p on p.id = s.pupil_id "
                + "where p.upn = ?", Boolean.class, upn);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void setClosingTime(Fixtures.TestSchool school, LocalTime closes) {
        schools.saveSchool(new SchoolAdministration.SchoolData(school.urn(), "Test School " + school.urn(),
                school.laCode(), Phase.PRIMARY, closes));
    }

    private void load(Fixtures.TestSchool school, String officer, String csv) {
        RegisterUploads.load(http, officer, school.urn(), csv);
    }
}
