package org.openattendance.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pupils with the parents a letter must tell apart: with and without parental responsibility, with and without e-mail.
 * Imported by the tests that use it rather than scanned: the notification module's own test
 * ({@code StaffNoticeHandOffTest}) starts the module alone, without the test fixtures this needs.
 */
record Families(Fixtures fixtures, JdbcTemplate jdbc) {

    record Family(long pupilId, String upn, String mumEmail, String dadEmail, String stepDadEmail) {
        List<String> emailed() {
            return List.of(mumEmail, dadEmail);
        }
    }

    Family family(Fixtures.TestSchool school) {
        String upn = fixtures.newUpn();
        String tag = upn.toLowerCase();
        var family = new Family(0, upn, "mum." + tag + "@example.org", "dad." + tag + "@example.org",
                "stepdad." + tag + "@example.org");
        fixtures.save(school, new PupilData(upn, "Alex", "Rivers", LocalDate.of(2017, 3, 4), 4,
                LocalDate.of(2021, 9, 1), Set.of(), null, List.of(
                new ParentData("Mo Rivers", "Mother", true, true, family.mumEmail(), null, "1 High Street, Northtown"),
                new ParentData("Dan Rivers", "Father", true, false, family.dadEmail(), null, "9 Low Road, Southtown"),
                new ParentData("Stan Step", "Step-father", false, true, family.stepDadEmail(), null, "1 High Street, Northtown"),
                new ParentData("Gail Rivers", "Grandmother", true, true, null, "07700 900001", "3 Mill Lane, Northtown"))));
        long id = jdbc.queryForObject("select id from pupil where upn = ?", Long.class, upn);
        return new Family(id, upn, family.mumEmail(), family.dadEmail(), family.stepDadEmail());
    }

    static Map<String, String> below95Fields() {
        return Map.of("attendancePercent", "93.4", "contactName", "<b>Ms Jones</b>", "contactPhone", "01234 567890");
    }
}
