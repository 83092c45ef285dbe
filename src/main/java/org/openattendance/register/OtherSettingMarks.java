package org.openattendance.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openattendance.shared.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Marks a pupil received at another setting before joining this school (from a Common Transfer File). They are not
 * this school's register and never count in its figures: they count toward the penalty threshold's 10 school weeks,
 * which may span schools. Marks dated before 19 August 2024 use the codes of the 2006 regulations with the meaning they
 * had then (H, J, the old B, C, T, Y...); later ones the current codes. Kept append-only, like the register.
 */
@Component
public class OtherSettingMarks {

    /** The day the 2024 regulations' codes came in. */
    public static final LocalDate NEW_CODES_FROM = LocalDate.of(2024, 8, 19);

    public enum CodeSet { CURRENT, PRE_2024 }

    /** A mark from another setting. */
    public record Mark(LocalDate date, Session session, String code, CodeSet codeSet) {
    }

    /** A historic code with its meaning then. */
    public record HistoricCode(String code, String category, boolean countsAsPossible, boolean countsAsAttended,
                               boolean countsTowardPenaltyThreshold, String meaning) {
    }

    /** What storing a pupil's marks did; {@code conflicts} are marks already held with another code. */
    public record Stored(int stored, int unchanged, List<String> conflicts) {
    }

    private final JdbcTemplate jdbc;
    private final AttendanceCodes codes;
    private final Clock clock;
    private final Map<String, HistoricCode> historic;

    private final ApplicationEventPublisher events;

    OtherSettingMarks(JdbcTemplate jdbc, AttendanceCodes codes, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.codes = codes;
        this.clock = clock;
        var found = new LinkedHashMap<String, HistoricCode>();
        jdbc.query("select code, category, counts_as_possible, counts_as_attended, counts_toward_penalty_threshold, meaning"
                + " from historic_attendance_code order by code", rs -> {
            found.put(rs.getString(1), new HistoricCode(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                    rs.getBoolean(4), rs.getBoolean(5), rs.getString(6)));
        });
        this.historic = Map.copyOf(found);
    }

    public static CodeSet codeSetOn(LocalDate date) {
        return date.isBefore(NEW_CODES_FROM) ? CodeSet.PRE_2024 : CodeSet.CURRENT;
    }

    /** Why a code cannot be taken on that date, or empty when it can. */
    public Optional<String> problemWith(LocalDate date, String code) {
        if (codeSetOn(date) == CodeSet.PRE_2024) {
            return historic.containsKey(code) ? Optional.empty()
                    : Optional.of("'" + code + "' was not an attendance code before 19 August 2024");
        }
        return codes.isKnown(code) ? Optional.empty()
                : Optional.of("'" + code + "' is not an attendance code since 19 August 2024");
    }

    public java.util.Collection<HistoricCode> historicCodes() {
        return historic.values();
    }

    /**
     * Stores a pupil's marks from a setting; a mark already held is unchanged, or a conflict if its code differs. New
     * marks are published as {@link MarksRecorded}, so the pupil's figures are worked out again.
     */
    public Stored record(String schoolUrn, long pupilId, String setting, List<Mark> marks, String recordedBy) {
        Map<String, String> held = new HashMap<>();
        jdbc.query("select mark_date, session, code from other_setting_mark where pupil_id = ?",
                rs -> { held.put(rs.getDate(1).toLocalDate() + rs.getString(2), rs.getString(3)); }, pupilId);
        var fresh = new ArrayList<Object[]>();
        var conflicts = new ArrayList<String>();
        int unchanged = 0;
        Timestamp now = Timestamp.from(Instant.now(clock));
        for (Mark mark : marks) {
            String before = held.get(mark.date() + mark.session().name());
            if (before == null) {
                fresh.add(new Object[] {pupilId, Date.valueOf(mark.date()), mark.session().name(), mark.code(),
                        mark.codeSet() == CodeSet.PRE_2024 ? "PRE_2024" : "2024", setting, recordedBy, now});
                held.put(mark.date() + mark.session().name(), mark.code());
            } else if (before.equals(mark.code())) {
                unchanged++;
            } else {
                conflicts.add(mark.date() + " " + mark.session() + ": '" + mark.code() + "' differs from '" + before
                        + "' taken from an earlier file");
            }
        }
        jdbc.batchUpdate("insert into other_setting_mark (pupil_id, mark_date, session, code, code_set, setting,"
                + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)", fresh);
        if (!fresh.isEmpty()) {
            LocalDate first = marks.stream().map(Mark::date).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = marks.stream().map(Mark::date).max(LocalDate::compareTo).orElseThrow();
            events.publishEvent(new MarksRecorded(schoolUrn, List.of(pupilId), first, last));
        }
        return new Stored(fresh.size(), unchanged, conflicts);
    }

    /** The marks from other settings of the given pupils, by pupil, in date order. */
    public Map<Long, List<Mark>> forPupils(List<Long> pupilIds) {
        var marks = new HashMap<Long, List<Mark>>();
        if (pupilIds.isEmpty()) {
            return marks;
        }
        jdbc.query("select pupil_id, mark_date, session, code, code_set from other_setting_mark where pupil_id = any(?)"
                + " order by pupil_id, mark_date, session", rs -> {
            marks.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new Mark(rs.getDate(2).toLocalDate(),
                    Session.valueOf(rs.getString(3)), rs.getString(4),
                    "PRE_2024".equals(rs.getString(5)) ? CodeSet.PRE_2024 : CodeSet.CURRENT));
        }, (Object) pupilIds.toArray(Long[]::new));
        return marks;
    }
}
