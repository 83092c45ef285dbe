package org.openattendance.legal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openattendance.shared.London;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The legal stages in figures for the casework dashboards: requests for a penalty notice and the LA's decisions,
 * notices issued and what became of them (paid within 21 days of receipt, within 28, unpaid, withdrawn,
 * prosecuted), and prosecutions with their outcomes. Unchecked: callers pass the schools (and, for a caseload or
 * the Virtual School, the pupils) of the caller's scope.
 */
@Component
public class LegalFigures {

    /** Requests for a penalty notice by where they stand. */
    public record Requests(int made, int awaitingDecision, int approved, int refused) {
    }

    /**
     * Notices issued, and what became of them. Paid within 21 or 28 days: counted from the day of receipt (the day
     * of issue for a notice not yet served), in full.
     */
    public record Notices(int issued, int paidWithin21Days, int paidWithin28Days, int paidLater, int awaitingPayment,
                          int unpaid, int withdrawn, int prosecuted) {
    }

    public record Prosecutions(int started, int preparing, int atCourt, int stopped, int concluded,
                               Map<CourtOutcome, Integer> outcomes) {
    }

    public record Figures(Requests requests, Notices notices, Prosecutions prosecutions) {
    }


    private final JdbcTemplate jdbc;

    LegalFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Everything requested, issued or started on or after {@code from}, for the schools (and pupils, if given). */
    public Figures figures(Collection<String> schoolUrns, Collection<Long> pupilIds, LocalDate from) {
        return new Figures(requests(schoolUrns, pupilIds, from), notices(schoolUrns, pupilIds, from),
                prosecutions(schoolUrns, pupilIds, from));
    }

    private Requests requests(Collection<String> schoolUrns, Collection<Long> pupilIds, LocalDate from) {
        return jdbc.queryForObject("select count(*), count(*) filter (where status in ('SUBMITTED', "
                        + "'MORE_INFORMATION_REQUESTED')), count(*) filter (where status = 'APPROVED'), "
                        + "count(*) filter (where status = 'REFUSED') from legal_penalty_request where school_urn = any(?)"
                        + pupils(pupilIds) + " and requested_at >= ?",
                (rs, i) -> new Requests(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)),
                args(schoolUrns, pupilIds, Timestamp.from(from.atStartOfDay(London.ZONE).toInstant())));
    }

    private Notices notices(Collection<String> schoolUrns, Collection<Long> pupilIds, LocalDate from) {
        return jdbc.queryForObject("""
                select count(*),
                       count(*) filter (where status = 'PAID' and paid_on - coalesce(received_on, issued_on) <= 21),
                       count(*) filter (where status = 'PAID' and paid_on - coalesce(received_on, issued_on) between 22 and 28),
                       count(*) filter (where status = 'PAID' and paid_on - coalesce(received_on, issued_on) > 28),
                       count(*) filter (where status = 'ISSUED'),
                       count(*) filter (where status = 'UNPAID'),
                       count(*) filter (where status = 'WITHDRAWN'),
                       count(*) filter (where status = 'PROSECUTED')
                from legal_penalty_notice where school_urn = any(?)""" + pupils(pupilIds) + " and issued_on >= ?",
                (rs, i) -> new Notices(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8)),
                args(schoolUrns, pupilIds, Date.valueOf(from)));
    }

    private Prosecutions prosecutions(Collection<String> schoolUrns, Collection<Long> pupilIds, LocalDate from) {
        var counts = new EnumMap<ProsecutionStatus, Integer>(ProsecutionStatus.class);
        var outcomes = new EnumMap<CourtOutcome, Integer>(CourtOutcome.class);
        jdbc.query("select status, outcome, count(*) from legal_prosecution where school_urn = any(?)" + pupils(pupilIds)
                + " and created_at >= ? group by status, outcome", rs -> {
                    counts.merge(ProsecutionStatus.valueOf(rs.getString(1)), rs.getInt(3), Integer::sum);
                    if (rs.getString(2) != null) {
                        outcomes.merge(CourtOutcome.valueOf(rs.getString(2)), rs.getInt(3), Integer::sum);
                    }
                }, args(schoolUrns, pupilIds, Timestamp.from(from.atStartOfDay(London.ZONE).toInstant())));
        int started = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new Prosecutions(started, counts.getOrDefault(ProsecutionStatus.PREPARING, 0),
                counts.getOrDefault(ProsecutionStatus.AT_COURT, 0), counts.getOrDefault(ProsecutionStatus.STOPPED, 0),
                counts.getOrDefault(ProsecutionStatus.CONCLUDED, 0), Map.copyOf(outcomes));
    }

    private static String pupils(Collection<Long> pupilIds) {
        return pupilIds == null ? "" : " and pupil_id = any(?)";
    }

    private static Object[] args(Collection<String> schoolUrns, Collection<Long> pupilIds, Object since) {
        List<Object> args = new ArrayList<>();
        args.add(schoolUrns.toArray(String[]::new));
        if (pupilIds != null) {
            args.add(pupilIds.toArray(Long[]::new));
        }
        args.add(since);
        return args.toArray();
    }
}
