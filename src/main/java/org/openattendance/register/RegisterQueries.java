package org.openattendance.register;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openattendance.shared.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the register: a pupil's marks with their amendments, and marks for many pupils for the calculations. */
@Component
public class RegisterQueries {

    public record Amendment(String originalCode, String newCode, Integer originalMinutesLate, Integer newMinutesLate,
                            String reason, Instant amendedAt, String amendedBy, String amendedRole, String source) {
    }

    public record Mark(LocalDate date, Session session, String code, Integer minutesLate, String recordedBy,
                       Instant recordedAt, String source, List<Amendment> amendments) {
    }

    /** A mark reduced to what the calculations need. */
    public record PupilMark(long pupilId, LocalDate date, Session session, String code) {
    }

    public interface PupilMarksHandler {
        void handle(long pupilId, List<PupilMark> marks);
    }

    private final JdbcTemplate jdbc;

    RegisterQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Mark> marksOf(long pupilId, LocalDate from, LocalDate to) {
        var amendments = new HashMap<String, List<Amendment>>();
        jdbc.query("""
                select mark_date, session, original_code, new_code, original_minutes_late, new_minutes_late, reason,
                  amended_at, amended_by, amended_role, source
                from mark_amendment where pupil_id = ? and mark_date between ? and ? order by amended_at, id""", rs -> {
            amendments.computeIfAbsent(rs.getDate(1).toLocalDate() + rs.getString(2), k -> new ArrayList<>())
                    .add(new Amendment(rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10), rs.getString(11)));
        }, pupilId, Date.valueOf(from), Date.valueOf(to));
        return jdbc.query("""
                select mark_date, session, code, minutes_late, recorded_by, recorded_at, source
                from session_mark where pupil_id = ? and mark_date between ? and ? order by mark_date, session""",
                (rs, i) -> {
                    LocalDate date = rs.getDate(1).toLocalDate();
                    String session = rs.getString(2);
                    return new Mark(date, Session.valueOf(session), rs.getString(3), (Integer) rs.getObject(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                            amendments.getOrDefault(date + session, List.of()));
                }, pupilId, Date.valueOf(from), Date.valueOf(to));
    }

    /**
     * Streams the marks of the given pupils between two dates, one pupil at a time in date order, without
     * holding more than one pupil's marks in memory.
     */
    @Transactional(readOnly = true)
    public void forEachPupil(List<Long> pupilIds, LocalDate from, LocalDate to, PupilMarksHandler handler) {
        if (pupilIds.isEmpty()) {
            return;
        }
        // A pupil's list is handed over as it is and a new one started: no copy per pupil.
        List<List<PupilMark>> current = new ArrayList<>(List.of(new ArrayList<>(400)));
        long[] pupil = {-1};
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select pupil_id, mark_date, session, code from session_mark
                    where pupil_id = any(?) and mark_date between ? and ? order by pupil_id, mark_date, session""");
            statement.setArray(1, connection.createArrayOf("bigint", pupilIds.toArray()));
            statement.setDate(2, Date.valueOf(from));
            statement.setDate(3, Date.valueOf(to));
            statement.setFetchSize(10_000);
            return statement;
        }, rs -> {
            long id = rs.getLong(1);
            if (id != pupil[0] && pupil[0] >= 0) {
                handler.handle(pupil[0], Collections.unmodifiableList(current.get(0)));
                current.set(0, new ArrayList<>(400));
            }
            pupil[0] = id;
            // getObject(LocalDate) reads the date straight from the text; getDate goes through a GregorianCalendar and
            // the time zone for every row, the largest cost of reading a year of marks for 1,000 pupils.
            current.get(0).add(new PupilMark(id, rs.getObject(2, LocalDate.class),
                    "AM".equals(rs.getString(3)) ? Session.AM : Session.PM, rs.getString(4)));
        });
        if (pupil[0] >= 0) {
            handler.handle(pupil[0], Collections.unmodifiableList(current.get(0)));
        }
    }

}
