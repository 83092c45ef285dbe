package org.openattendance.returns;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openattendance.school.Parent;
import org.openattendance.school.Pupil;
import org.openattendance.school.PupilAdmitted;
import org.openattendance.school.PupilDeletedFromRoll;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The returns each school owes its LA. A new pupil's return falls due 5 school days after entry (none for the youngest
 * year starting on the first day of the year) and is made by the school, which confirms the details the admission
 * register holds; a deletion return is made by the deletion path itself, with the ground, the date and the new school
 * or address, and is due no later than the deletion. A school sees its own returns, an LA officer or manager every
 * return of the LA's schools, an administrator all; others none.
 */
@Service
public class LaReturns {

    static final int NEW_PUPIL_SCHOOL_DAYS = 5;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** What the school adds to the admission register's details when it makes a new pupil's return. */
    public record NewPupilDetails(String pupilAddress, String sex, String previousSchool) {
    }

    /** Which returns to list; null fields do not filter. */
    public record Filter(String schoolUrn, LaReturn.Status status, LaReturn.Kind kind) {
    }

    private final JdbcTemplate jdbc;
    private final ReturnDays schoolDays;
    private final SchoolDirectory directory;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    LaReturns(JdbcTemplate jdbc, ReturnDays schoolDays, SchoolDirectory directory, AccessPolicy access, AuditTrail audit,
              Clock clock) {
        this.jdbc = jdbc;
        this.schoolDays = schoolDays;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A new pupil's return falls due unless the pupil is in the youngest year and started on the first day of the
     * year. A pupil whose admission is dated before the current academic year when first stored is history (the first
     * load of a school's pupils from its MIS), for which no return is raised.
     */
    @ApplicationModuleListener
    void on(PupilAdmitted admitted) {
        if (admitted.youngestYear() && admitted.firstDayOfYear()) {
            return;
        }
        if (admitted.admissionDate().isBefore(AcademicYear.containing(LocalDate.now(clock)).firstDay())) {
            return;
        }
        LocalDate due = schoolDays.after(admitted.schoolUrn(), admitted.admissionDate(), NEW_PUPIL_SCHOOL_DAYS);
        jdbc.update("""
                insert into la_return (kind, pupil_id, upn, school_urn, la_code, event_date, due_date)
                values ('NEW_PUPIL', ?, ?, ?, ?, ?, ?) on conflict do nothing""", admitted.pupilId(), admitted.upn(),
                admitted.schoolUrn(), admitted.laCode(), Date.valueOf(admitted.admissionDate()), Date.valueOf(due));
    }

    @ApplicationModuleListener
    void on(PupilDeletedFromRoll deleted) {
        if (!deleted.ground().needsReturn()) {
            return;
        }
        var details = new StringBuilder("Ground: ").append(deleted.ground().label()).append(" (regulation ")
                .append(deleted.ground().regulation()).append(")\nLast day on roll: ")
                .append(LONG_DATE.format(deleted.deletionDate()));
        if (deleted.destinationSchool() != null) {
            details.append("\nNew school: ").append(deleted.destinationSchool());
        }
        if (deleted.newAddress() != null) {
            details.append("\nNew address: ").append(deleted.newAddress());
        }
        if (deleted.parentNoticeDate() != null) {
            details.append("\nParent's written notice of home education dated ")
                    .append(LONG_DATE.format(deleted.parentNoticeDate()));
        }
        jdbc.update("""
                insert into la_return (kind, pupil_id, upn, school_urn, la_code, event_date, due_date, made_at, made_by, details)
                values ('DELETION', ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", deleted.pupilId(), deleted.upn(),
                deleted.schoolUrn(), deleted.laCode(), Date.valueOf(deleted.deletionDate()),
                Date.valueOf(deleted.deletionDate()), Timestamp.from(deleted.recordedAt()), deleted.recordedBy(),
                details.toString());
    }

    /** The returns the signed-in user may see, earliest due first. */
    @Transactional(readOnly = true)
    public List<LaReturn> visible(Filter filter) {
        StaffUser user = access.currentUser();
        if (filter.schoolUrn() != null) {
            directory.visibleSchool(filter.schoolUrn());
        }
        boolean laRole = (user.has(Role.LA_OFFICER) || user.has(Role.MANAGER)) && user.laCode() != null;
        var sql = new StringBuilder(SELECT).append(" where (? or r.school_urn = any(?) or r.la_code = ?)");
        var args = new ArrayList<Object>(List.of(user.isAdmin(), user.schools().toArray(String[]::new),
                laRole ? user.laCode() : ""));
        if (filter.schoolUrn() != null) {
            sql.append(" and r.school_urn = ?");
            args.add(filter.schoolUrn());
        }
        if (filter.kind() != null) {
            sql.append(" and r.kind = ?");
            args.add(filter.kind().name());
        }
        sql.append(" order by r.made_at is not null, r.due_date, r.id");
        LocalDate today = LocalDate.now(clock);
        return jdbc.query(sql.toString(), (rs, i) -> row(rs, today), args.toArray()).stream()
                .filter(r -> filter.status() == null || r.status() == filter.status()).toList();
    }

    /** One return within the caller's scope (404 outside it); audited, as it shows a pupil's details. */
    @Transactional
    public LaReturn visibleReturn(long id) {
        LocalDate today = LocalDate.now(clock);
        LaReturn found = jdbc.query(SELECT + " where r.id = ?", (rs, i) -> row(rs, today), id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No return " + id));
        School school = directory.school(found.schoolUrn()).orElseThrow();
        if (!access.canSeeSchool(access.currentUser(), school.getUrn(), school.getLaCode())) {
            throw new NotFoundException("No return " + id);
        }
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", found.upn(), "return to the LA " + id);
        return found;
    }

    /**
     * The school makes a new pupil's return: the admission register's details (name, date of birth, entry, year
     * group, parents with their addresses and telephone numbers) with the pupil's address, sex and previous school.
     */
    @Transactional
    public LaReturn makeNewPupilReturn(long id, NewPupilDetails details) {
        LaReturn due = visibleReturn(id);
        directory.writableSchool(due.schoolUrn());
        var problems = new ArrayList<Problem>();
        if (due.kind() != LaReturn.Kind.NEW_PUPIL) {
            problems.add(new Problem("kind", "a deletion return is made when the deletion is recorded"));
        }
        if (due.isMade()) {
            problems.add(new Problem("madeAt", "this return was made on " + LONG_DATE.format(
                    LocalDate.ofInstant(due.madeAt(), clock.getZone()))));
        }
        if (details.pupilAddress() == null || details.pupilAddress().isBlank()) {
            problems.add(new Problem("pupilAddress", "enter the pupil's home address"));
        } else if (details.pupilAddress().length() > 500) {
            problems.add(new Problem("pupilAddress", "must be 500 characters or fewer"));
        }
        if (details.sex() == null || !List.of("F", "M").contains(details.sex().trim().toUpperCase(Locale.ROOT))) {
            problems.add(new Problem("sex", "choose the sex recorded in the admission register (F or M)"));
        }
        if (details.previousSchool() != null && details.previousSchool().length() > 200) {
            problems.add(new Problem("previousSchool", "must be 200 characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The return was not made", problems);
        }
        Pupil pupil = directory.pupil(due.upn()).orElseThrow();
        String text = admissionDetails(pupil, details);
        jdbc.update("update la_return set made_at = ?, made_by = ?, details = ? where id = ? and made_at is null",
                Timestamp.from(Instant.now(clock)), access.currentUser().username(), text, id);
        return visibleReturn(id);
    }

    private static String admissionDetails(Pupil pupil, NewPupilDetails details) {
        var text = new StringBuilder("Pupil: ").append(pupil.getForename()).append(' ').append(pupil.getSurname())
                .append("\nSex: ").append(details.sex().trim().toUpperCase(Locale.ROOT))
                .append("\nDate of birth: ").append(LONG_DATE.format(pupil.getDateOfBirth()))
                .append("\nAddress: ").append(details.pupilAddress().trim())
                .append("\nFirst day of attendance: ").append(LONG_DATE.format(pupil.getAdmissionDate()))
                .append("\nYear group: ").append(pupil.getYearGroup());
        if (details.previousSchool() != null && !details.previousSchool().isBlank()) {
            text.append("\nPrevious school: ").append(details.previousSchool().trim());
        }
        for (Parent parent : pupil.getParents()) {
            text.append("\nParent or carer: ").append(parent.getName()).append(" (").append(parent.getRelationship())
                    .append(parent.hasParentalResponsibility() ? ", parental responsibility" : "").append(')');
            if (parent.getAddress() != null) {
                text.append(", ").append(parent.getAddress());
            }
            if (parent.getPhone() != null) {
                text.append(", telephone ").append(parent.getPhone());
            }
        }
        return text.toString();
    }

    private static final String SELECT = """
            select r.id, r.kind, r.pupil_id, r.upn, p.forename, p.surname, r.school_urn, s.name, r.la_code, r.event_date,
              r.due_date, r.made_at, r.made_by, r.details
            from la_return r join pupil p on p.id = r.pupil_id join school s on s.urn = r.school_urn""";

    private static LaReturn row(ResultSet rs, LocalDate today) throws SQLException {
        Timestamp made = rs.getTimestamp(12);
        LocalDate due = rs.getDate(11).toLocalDate();
        Instant madeAt = made == null ? null : made.toInstant();
        return new LaReturn(rs.getLong(1), LaReturn.Kind.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getDate(10).toLocalDate(), due, madeAt, rs.getString(13), rs.getString(14),
                LaReturn.Status.of(due, madeAt, today));
    }
}
