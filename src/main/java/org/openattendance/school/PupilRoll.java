package org.openattendance.school;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who is on a school's roll and from when to when: a light read for large register uploads. */
@Component
public class PupilRoll {

    public record Enrolment(long pupilId, String upn, LocalDate admissionDate, LocalDate deletionDate) {
        /** The deletion date is the last day on roll. */
        public boolean isOnRoll(LocalDate date) {
            return !date.isBefore(admissionDate) && (deletionDate == null || !date.isAfter(deletionDate));
        }
    }

    private final JdbcTemplate jdbc;

    PupilRoll(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every pupil ever admitted to the school, by UPN. */
    public Map<String, Enrolment> byUpn(String schoolUrn) {
        var roll = new HashMap<String, Enrolment>();
        jdbc.query("select id, upn, admission_date, deletion_date from pupil where school_urn = ?", rs -> {
            var deletion = rs.getDate(4);
            roll.put(rs.getString(2), new Enrolment(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                    deletion == null ? null : deletion.toLocalDate()));
        }, schoolUrn);
        return roll;
    }
}
