package org.openattendance.school;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who is on a school's roll and from when to when: a light read for large register uploads. */
@Component
public class PupilRoll {

    public record Enrolment(long pupilId, String upn, String schoolUrn, LocalDate admissionDate, LocalDate deletionDate) {
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
        jdbc.query(SELECT + " where school_urn = ?", rs -> {
            Enrolment enrolment = enrolment(rs);
            roll.put(enrolment.upn(), enrolment);
        }, schoolUrn);
        return roll;
    }

    /** The enrolments of the given pupils, in id order. */
    public List<Enrolment> byIds(List<Long> pupilIds) {
        return jdbc.query(SELECT + " where id = any(?) order by id", (rs, i) -> enrolment(rs),
                (Object) pupilIds.toArray(Long[]::new));
    }

    /** Every pupil id, in order, for whole-LA recalculations. */
    public List<Long> allPupilIds() {
        return jdbc.queryForList("select id from pupil order by id", Long.class);
    }

    /** The names and year groups of a school's pupils, for lists. */
    public List<PupilName> namesAt(String schoolUrn) {
        return jdbc.query(NAMES + " where school_urn = ? order by surname, forename", (rs, i) -> pupilName(rs), schoolUrn);
    }

    /** The names of the given pupils, in one query (for lists of tasks or cases). */
    public List<PupilName> namesOf(List<Long> pupilIds) {
        return jdbc.query(NAMES + " where id = any(?)", (rs, i) -> pupilName(rs), (Object) pupilIds.toArray(Long[]::new));
    }

    /** A pupil found by a search, with their school. */
    public record PupilMatch(long pupilId, String upn, String forename, String surname, int yearGroup, String schoolUrn,
                             LocalDate deletionDate) {
    }

    /** Who a search may find: everyone (admin), or the union of some schools, an LA's schools and a caseload. */
    /**
     * Whose pupils a search may find: everyone's, some schools', an LA's, a social worker's caseload, or an LA's
     * looked-after children (a Virtual School Head's).
     */
    public record SearchScope(boolean everyone, Collection<String> schoolUrns, String laCode, String socialWorker,
                              String lookedAfterInLa) {
    }

    /**
     * Pupils whose UPN is the text or contains it (4 characters or more with a digit, e.g. the last digits someone
     * reads out), or whose name contains every word of it (forename or surname, any case), within the scope; at
     * most {@code limit}, by surname.
     */
    /** A LIKE pattern for part of a UPN, or one that matches nothing when the text cannot be part of one. */
    static String upnPart(String text) {
        String part = text.toUpperCase(Locale.ROOT);
        boolean upnLike = part.length() >= 4 && part.length() <= 13 && part.matches("[A-Z0-9]+") && part.matches(".*[0-9].*");
        return upnLike ? "%" + part + "%" : "";
    }

    public List<PupilMatch> search(String text, SearchScope scope, int limit) {
        var words = Arrays.stream(text.trim().toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        var sql = new StringBuilder("""
                select p.id, p.upn, p.forename, p.surname, p.year_group, p.school_urn, p.deletion_date
                from pupil p join school s on s.urn = p.school_urn
                where (? or p.school_urn = any(?) or s.la_code = ? or p.social_worker = ?
                       or (s.la_code = ? and exists (select 1 from pupil_cohort c
                                                    where c.pupil_id = p.id and c.cohort = 'LOOKED_AFTER')))
                and (p.upn = ? or p.upn like ? escape '\\' or (""");
        var args = new ArrayList<Object>(List.of(scope.everyone(), scope.schoolUrns().toArray(String[]::new),
                scope.laCode() == null ? "" : scope.laCode(), scope.socialWorker() == null ? "" : scope.socialWorker(),
                scope.lookedAfterInLa() == null ? "" : scope.lookedAfterInLa(), text.trim().toUpperCase(Locale.ROOT),
                upnPart(text.trim())));
        for (int i = 0; i < words.size(); i++) {
            sql.append(i == 0 ? "" : " and ").append("lower(p.forename || ' ' || p.surname) like ? escape '\\'");
            args.add("%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(")) order by p.surname, p.forename, p.upn limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> {
            var deletion = rs.getDate(7);
            return new PupilMatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getString(6), deletion == null ? null : deletion.toLocalDate());
        }, args.toArray());
    }

    /** A pupil as figures are worked out and broken down for them: enrolment, year group, cohorts. */
    public record Profile(long pupilId, String upn, String schoolUrn, int yearGroup, Set<Cohort> cohorts,
                          LocalDate admissionDate, LocalDate deletionDate) {
    }

    /** The profiles of the given pupils, in id order. */
    public List<Profile> profilesOf(Collection<Long> pupilIds) {
        return jdbc.query(PROFILES + " where p.id = any(?) group by p.id order by p.id", (rs, i) -> profile(rs),
                (Object) pupilIds.toArray(Long[]::new));
    }

    /** Every pupil ever admitted to the school, in id order. */
    public List<Profile> profilesAt(String schoolUrn) {
        return jdbc.query(PROFILES + " where p.school_urn = ? group by p.id order by p.id", (rs, i) -> profile(rs), schoolUrn);
    }

    /** A social worker's caseload: the pupils whose social worker they are, at any school. */
    public List<Profile> caseloadOf(String socialWorker) {
        return jdbc.query(PROFILES + " where p.social_worker = ? group by p.id order by p.id", (rs, i) -> profile(rs),
                socialWorker);
    }

    /** The looked-after pupils of the schools of an LA (a Virtual School Head's virtual school). */
    public List<Profile> lookedAfterIn(String laCode) {
        return jdbc.query(PROFILES + " join school s on s.urn = p.school_urn where s.la_code = ? and exists "
                        + "(select 1 from pupil_cohort l where l.pupil_id = p.id and l.cohort = 'LOOKED_AFTER') "
                        + "group by p.id order by p.id", (rs, i) -> profile(rs), laCode);
    }

    /** Whom a pupil's case involves besides the school: their social worker and their cohorts (looked after, SEND). */
    public record CaseContacts(long pupilId, String socialWorker, Set<Cohort> cohorts) {
    }

    /** The case contacts of the given pupils, by pupil id (unknown ids are missing): one query for a whole batch. */
    public Map<Long, CaseContacts> caseContactsOf(Collection<Long> pupilIds) {
        var found = new HashMap<Long, CaseContacts>();
        if (pupilIds.isEmpty()) {
            return found;
        }
        jdbc.query("select p.id, p.social_worker, array_remove(array_agg(c.cohort), null) from pupil p "
                + "left join pupil_cohort c on c.pupil_id = p.id where p.id = any(?) group by p.id", rs -> {
            found.put(rs.getLong(1), new CaseContacts(rs.getLong(1), rs.getString(2), cohorts(rs.getArray(3))));
        }, (Object) pupilIds.toArray(Long[]::new));
        return found;
    }

    private static final String PROFILES = "select p.id, p.upn, p.school_urn, p.year_group, p.admission_date, "
            + "p.deletion_date, array_remove(array_agg(c.cohort), null) from pupil p "
            + "left join pupil_cohort c on c.pupil_id = p.id";

    private static Profile profile(ResultSet rs) throws SQLException {
        var deletion = rs.getDate(6);
        return new Profile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), cohorts(rs.getArray(7)),
                rs.getDate(5).toLocalDate(), deletion == null ? null : deletion.toLocalDate());
    }

    private static Set<Cohort> cohorts(java.sql.Array names) throws SQLException {
        var cohorts = java.util.EnumSet.noneOf(Cohort.class);
        for (Object name : (Object[]) names.getArray()) {
            cohorts.add(Cohort.valueOf(name.toString()));
        }
        return Set.copyOf(cohorts);
    }

    private static final String NAMES = "select id, upn, forename, surname, year_group from pupil";

    private static PupilName pupilName(ResultSet rs) throws SQLException {
        return new PupilName(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5));
    }

    public record PupilName(long pupilId, String upn, String forename, String surname, int yearGroup) {
    }

    private static final String SELECT = "select id, upn, school_urn, admission_date, deletion_date from pupil";

    private static Enrolment enrolment(ResultSet rs) throws SQLException {
        var deletion = rs.getDate(5);
        return new Enrolment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                deletion == null ? null : deletion.toLocalDate());
    }
}
