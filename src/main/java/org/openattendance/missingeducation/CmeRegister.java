package org.openattendance.missingeducation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.openattendance.school.DeletionGround;
import org.openattendance.school.PupilDeletedFromRoll;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LA's register of children missing education. Children come onto it from the case ladder's referral and from
 * deletions from roll whose child's whereabouts are unknown; each referral is taken once. The LA's officers record
 * their enquiries (each moves the next review on) and the outcome. LA officers and managers see their own LA's
 * register, administrators every LA's; for everyone else it does not exist (404). Every read of an entry is audited.
 */
@Service
public class CmeRegister {

    private final JdbcTemplate jdbc;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;
    private final int reviewDays;

    CmeRegister(JdbcTemplate jdbc, AccessPolicy access, AuditTrail audit, Clock clock,
                @Value("${openattendance.missing-education.review-days:10}") int reviewDays) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.reviewDays = reviewDays;
    }

    @ApplicationModuleListener
    void on(MissingEducationReferral referral) {
        take(referral.pupilId(), referral.upn(), referral.schoolUrn(), referral.laCode(), referral.referredOn(),
                CmeEntry.Source.CASE_LADDER, referral.reason(), referral.sourceKey());
    }

    /** A deletion whose child may be missing: the 20-day ground, or moved away with no new school known. */
    @ApplicationModuleListener
    void on(PupilDeletedFromRoll deleted) {
        boolean whereaboutsUnknown = deleted.ground() == DeletionGround.CONTINUOUS_ABSENCE
                || (deleted.ground() == DeletionGround.MOVED_AWAY && deleted.destinationSchool() == null);
        if (whereaboutsUnknown) {
            take(deleted.pupilId(), deleted.upn(), deleted.schoolUrn(), deleted.laCode(),
                    LocalDate.ofInstant(deleted.recordedAt(), clock.getZone()), CmeEntry.Source.DELETION,
                    "Deleted from roll on " + deleted.deletionDate() + ": " + deleted.ground().label()
                            + (deleted.newAddress() == null ? "" : "; new address given: " + deleted.newAddress()),
                    "deletion:" + deleted.pupilId() + ":" + deleted.deletionDate());
        }
    }

    /** Takes a referral once (its source key is unique); answers whether it was new. */
    boolean take(long pupilId, String upn, String schoolUrn, String laCode, LocalDate referredOn, CmeEntry.Source source,
                 String reason, String sourceKey) {
        return jdbc.update("""
                insert into cme_entry (pupil_id, upn, school_urn, la_code, referred_on, source, reason, source_key, review_due)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source_key) do nothing""", pupilId, upn, schoolUrn, laCode,
                Date.valueOf(referredOn), source.name(), cut(reason, 500), sourceKey,
                Date.valueOf(referredOn.plusDays(reviewDays))) == 1;
    }

    /** The register the signed-in officer may see, open entries first, most overdue first. */
    @Transactional(readOnly = true)
    public List<CmeEntry> visibleEntries(boolean openOnly) {
        StaffUser user = checkMayUse();
        String sql = SELECT + " where (? or e.la_code = ?)" + (openOnly ? " and e.closed_on is null" : "")
                + " order by e.closed_on nulls first, e.review_due, e.id";
        return jdbc.query(sql, (rs, i) -> entry(rs, List.of()), user.isAdmin(), user.laCode() == null ? "" : user.laCode());
    }

    /** One entry with its enquiries (audited: it shows a pupil's record). */
    @Transactional
    public CmeEntry visibleEntry(long id) {
        StaffUser user = checkMayUse();
        var entry = jdbc.query(SELECT + " where e.id = ? and (? or e.la_code = ?)", (rs, i) -> entry(rs, enquiries(id)),
                id, user.isAdmin(), user.laCode() == null ? "" : user.laCode()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No entry " + id + " on the register of children missing education"));
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", entry.upn(), "children missing education register, entry " + id);
        return entry;
    }

    /** Records an enquiry the LA made; the next review falls due {@code review-days} after it. */
    @Transactional
    public CmeEntry addEnquiry(long id, LocalDate madeOn, String enquiry) {
        CmeEntry entry = visibleEntry(id);
        var problems = new ArrayList<Problem>();
        LocalDate today = LocalDate.now(clock);
        if (madeOn == null || madeOn.isAfter(today) || madeOn.isBefore(entry.referredOn())) {
            problems.add(new Problem("madeOn", "give the date the enquiry was made, between the referral ("
                    + entry.referredOn() + ") and today"));
        }
        if (enquiry == null || enquiry.isBlank()) {
            problems.add(new Problem("enquiry", "say what enquiry was made and what it found"));
        } else if (enquiry.length() > 4000) {
            problems.add(new Problem("enquiry", "must be 4000 characters or fewer"));
        }
        if (!entry.isOpen()) {
            problems.add(new Problem("enquiry", "the entry was closed on " + entry.closedOn()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The enquiry was not recorded", problems);
        }
        String by = access.currentUser().username();
        jdbc.update("insert into cme_enquiry (entry_id, made_on, enquiry, recorded_by) values (?, ?, ?, ?)",
                id, Date.valueOf(madeOn), enquiry.trim(), by);
        jdbc.update("update cme_entry set review_due = greatest(review_due, ?) where id = ?",
                Date.valueOf(madeOn.plusDays(reviewDays)), id);
        return visibleEntry(id);
    }

    /** Records the outcome; every outcome but "still missing" closes the entry. */
    @Transactional
    public CmeEntry recordOutcome(long id, CmeEntry.Outcome outcome, String detail) {
        CmeEntry entry = visibleEntry(id);
        var problems = new ArrayList<Problem>();
        if (outcome == null) {
            problems.add(new Problem("outcome", "choose the outcome of the enquiries"));
        }
        if (outcome != null && outcome != CmeEntry.Outcome.STILL_MISSING && (detail == null || detail.isBlank())) {
            problems.add(new Problem("detail", "say where the child is (the school, the address or the country)"));
        }
        if (detail != null && detail.length() > 1000) {
            problems.add(new Problem("detail", "must be 1000 characters or fewer"));
        }
        if (!entry.isOpen()) {
            problems.add(new Problem("outcome", "the entry was closed on " + entry.closedOn()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The outcome was not recorded", problems);
        }
        LocalDate today = LocalDate.now(clock);
        jdbc.update("update cme_entry set outcome = ?, outcome_detail = ?, closed_on = ?, closed_by = ? where id = ?",
                outcome.name(), detail == null ? null : detail.trim(), outcome.closes() ? Date.valueOf(today) : null,
                outcome.closes() ? access.currentUser().username() : null, id);
        return visibleEntry(id);
    }

    private StaffUser checkMayUse() {
        StaffUser user = access.currentUser();
        boolean laRole = (user.has(Role.LA_OFFICER) || user.has(Role.MANAGER)) && user.laCode() != null;
        if (!user.isAdmin() && !laRole) {
            throw new NotFoundException("There is no register of children missing education here");
        }
        return user;
    }

    private List<CmeEntry.Enquiry> enquiries(long id) {
        return jdbc.query("select made_on, enquiry, recorded_by from cme_enquiry where entry_id = ? order by made_on, id",
                (rs, i) -> new CmeEntry.Enquiry(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3)), id);
    }

    private static final String SELECT = """
            select e.id, e.pupil_id, e.upn, p.forename, p.surname, e.school_urn, s.name, e.la_code, e.referred_on, e.source,
              e.reason, e.review_due, e.outcome, e.outcome_detail, e.closed_on
            from cme_entry e join pupil p on p.id = e.pupil_id join school s on s.urn = e.school_urn""";

    private static CmeEntry entry(ResultSet rs, List<CmeEntry.Enquiry> enquiries) throws SQLException {
        Date closed = rs.getDate(15);
        String outcome = rs.getString(13);
        return new CmeEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getDate(9).toLocalDate(),
                CmeEntry.Source.valueOf(rs.getString(10)), rs.getString(11), rs.getDate(12).toLocalDate(),
                outcome == null ? null : CmeEntry.Outcome.valueOf(outcome), rs.getString(14),
                closed == null ? null : closed.toLocalDate(), enquiries);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
