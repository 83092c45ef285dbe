package org.openattendance.school;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openattendance.security.ScopeDirectory;
import org.openattendance.security.StaffUserStore;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.Session;
import org.openattendance.shared.Upn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers schools, their calendars and their pupils, checking every field before anything is stored. */
@Service
public class SchoolAdministration implements ScopeDirectory {

    /** A school; the youngest and final year groups default to the phase's. */
    public record SchoolData(String urn, String name, String laCode, Phase phase, LocalTime registerClosesAt,
                             Integer youngestYearGroup, Integer finalYearGroup) {

        public SchoolData(String urn, String name, String laCode, Phase phase, LocalTime registerClosesAt) {
            this(urn, name, laCode, phase, registerClosesAt, null, null);
        }
    }

    public record TermData(LocalDate start, LocalDate end) {
    }

    public record ClosureData(LocalDate date, Session session, String reason) {
    }

    public record CalendarData(List<TermData> terms, List<ClosureData> closures) {
    }

    public record ParentData(String name, String relationship, Boolean parentalResponsibility, Boolean livesWithPupil,
                             String email, String phone, String address) {
    }

    /**
     * A pupil as a school or its MIS sends it; the deletion date (the last day on roll) and ground come with a leaver,
     * with the new school or address where known and, for home education, the date of the parent's written notice.
     */
    public record PupilData(String upn, String forename, String surname, LocalDate dateOfBirth, Integer yearGroup,
                            LocalDate admissionDate, Set<Cohort> cohorts, String socialWorker, List<ParentData> parents,
                            LocalDate deletionDate, String deletionGround, String destinationSchool, String newAddress,
                            LocalDate parentNoticeDate) {

        public PupilData(String upn, String forename, String surname, LocalDate dateOfBirth, Integer yearGroup,
                         LocalDate admissionDate, Set<Cohort> cohorts, String socialWorker, List<ParentData> parents,
                         LocalDate deletionDate, String deletionGround) {
            this(upn, forename, surname, dateOfBirth, yearGroup, admissionDate, cohorts, socialWorker, parents,
                    deletionDate, deletionGround, null, null, null);
        }

        DeletionRequest deletion() {
            return new DeletionRequest(deletionDate, deletionGround, destinationSchool, newAddress, parentNoticeDate);
        }

        public PupilData(String upn, String forename, String surname, LocalDate dateOfBirth, Integer yearGroup,
                         LocalDate admissionDate, Set<Cohort> cohorts, String socialWorker, List<ParentData> parents) {
            this(upn, forename, surname, dateOfBirth, yearGroup, admissionDate, cohorts, socialWorker, parents, null, null);
        }
    }

    /**
     * What an upload of pupils did: created and updated, and each pupil whose social worker the upload would have
     * changed but which an administrator allocated on the caseload page (kept as the administrator set it).
     */
    public record PupilsSaved(int created, int updated, List<SocialWorkerKept> socialWorkerKept) {
        public PupilsSaved(int created, int updated) {
            this(created, updated, List.of());
        }
    }

    /** A pupil's social worker as an administrator allocated it (null: taken off every caseload), and what was sent. */
    public record SocialWorkerKept(String upn, String socialWorker, String sent, String message) {
    }

    private final SchoolRepository schools;
    private final PupilRepository pupils;
    private final SchoolCalendars calendars;
    private final StaffUserStore users;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RollDeletions deletions;

    SchoolAdministration(SchoolRepository schools, PupilRepository pupils, SchoolCalendars calendars,
                         StaffUserStore users, JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events,
                         RollDeletions deletions) {
        this.deletions = deletions;
        this.clock = clock;
        this.events = events;
        this.schools = schools;
        this.pupils = pupils;
        this.calendars = calendars;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Transactional
    public School saveSchool(SchoolData data) {
        var problems = new ArrayList<Problem>();
        if (data.urn() == null || !data.urn().matches("\\d{6,7}")) {
            problems.add(new Problem("urn", "must be the school's 6- or 7-digit unique reference number"));
        }
        requireText(problems, "name", data.name());
        if (data.laCode() == null || !data.laCode().matches("\\d{3}")) {
            problems.add(new Problem("laCode", "must be the 3-digit local authority number"));
        }
        if (data.phase() == null) {
            problems.add(new Problem("phase", "is required, one of " + List.of(Phase.values())));
        }
        if (data.registerClosesAt() == null) {
            problems.add(new Problem("registerClosesAt", "is required, e.g. 09:15"));
        }
        if (data.youngestYearGroup() != null && data.finalYearGroup() != null
                && data.finalYearGroup() < data.youngestYearGroup()) {
            problems.add(new Problem("finalYearGroup", "is younger than the youngest year group"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The school cannot be saved", problems);
        }
        jdbc.update("insert into local_authority (code, name) values (?, ?) on conflict do nothing",
                data.laCode(), "Local authority " + data.laCode());
        School school = schools.findById(data.urn())
                .orElseGet(() -> new School(data.urn(), data.name(), data.laCode(), data.phase(), data.registerClosesAt()));
        school.update(data.name().trim(), data.laCode(), data.phase(), data.registerClosesAt());
        school.yearGroups(data.youngestYearGroup(), data.finalYearGroup());
        return schools.saveAndFlush(school);
    }

    @Transactional
    public SchoolCalendar saveCalendar(String urn, AcademicYear year, CalendarData data) {
        var problems = new ArrayList<Problem>();
        var terms = new ArrayList<SchoolCalendar.Term>();
        List<TermData> termData = data.terms() == null ? List.of() : data.terms();
        if (termData.isEmpty()) {
            problems.add(new Problem("terms", "at least one term is needed"));
        }
        for (int i = 0; i < termData.size(); i++) {
            TermData term = termData.get(i);
            String where = "terms[" + i + "]";
            if (term.start() == null || term.end() == null) {
                problems.add(new Problem(where, "needs a start and an end date"));
            } else if (term.end().isBefore(term.start())) {
                problems.add(new Problem(where, "ends (" + term.end() + ") before it starts (" + term.start() + ")"));
            } else if (!year.contains(term.start()) || !year.contains(term.end())) {
                problems.add(new Problem(where, "must lie within the academic year " + year + " ("
                        + year.firstDay() + " to " + year.lastDay() + ")"));
            } else {
                terms.add(new SchoolCalendar.Term(year, term.start(), term.end()));
            }
        }
        var closures = new ArrayList<SchoolCalendar.Closure>();
        List<ClosureData> closureData = data.closures() == null ? List.of() : data.closures();
        for (int i = 0; i < closureData.size(); i++) {
            ClosureData closure = closureData.get(i);
            if (closure.date() == null || !year.contains(closure.date())) {
                problems.add(new Problem("closures[" + i + "]", "needs a date within the academic year " + year));
            } else {
                closures.add(new SchoolCalendar.Closure(year, closure.date(), closure.session(), closure.reason()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The calendar cannot be saved", problems);
        }
        var calendar = new SchoolCalendar(terms, closures);
        calendars.replace(urn, year, calendar);
        return calendar;
    }

    /** Inserts or updates pupils by UPN; if any pupil is invalid, none is stored. */
    @Transactional
    public PupilsSaved savePupils(String urn, List<PupilData> data) {
        if (data == null || data.isEmpty()) {
            throw new InvalidInputException("Send a JSON array with at least one pupil");
        }
        Map<String, Pupil> existing = new HashMap<>();
        var problems = check(urn, data, existing);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("No pupil was saved: " + problems.size() + " problem(s) found", problems);
        }
        int created = 0;
        var changed = new ArrayList<Long>(data.size());
        var kept = new ArrayList<SocialWorkerKept>();
        School school = schools.findById(urn).orElseThrow();
        for (PupilData pupil : data) {
            String upn = Upn.of(pupil.upn()).value();
            Pupil entity = existing.get(upn);
            boolean isNew = entity == null;
            if (isNew) {
                entity = new Pupil(upn, urn);
                created++;
            }
            String socialWorker = blankToNull(pupil.socialWorker());
            if (entity.getSocialWorkerAllocatedAt() != null) {
                // An administrator's allocation outranks the MIS: the caseload page is where it changes.
                if (!java.util.Objects.equals(socialWorker, entity.getSocialWorker())) {
                    kept.add(kept(entity, socialWorker));
                }
                socialWorker = entity.getSocialWorker();
            }
            entity.update(pupil.forename().trim(), pupil.surname().trim(), pupil.dateOfBirth(), pupil.yearGroup(),
                    pupil.admissionDate(), pupil.cohorts() == null || pupil.cohorts().isEmpty()
                            ? EnumSet.noneOf(Cohort.class) : EnumSet.copyOf(pupil.cohorts()),
                    socialWorker, parentsOf(pupil));
            pupils.save(entity);
            changed.add(entity.getId());
            if (isNew) {
                events.publishEvent(admitted(entity, school));
            }
            if (pupil.deletionDate() != null && !pupil.deletionDate().equals(entity.getDeletionDate())) {
                deletions.record(entity, pupil.deletion(), RollDeletions.Channel.PUPILS_API);
            }
        }
        events.publishEvent(new PupilsChanged(urn, List.copyOf(changed)));
        return new PupilsSaved(created, data.size() - created, List.copyOf(kept));
    }

    private SocialWorkerKept kept(Pupil pupil, String sent) {
        String on = org.openattendance.shared.BritishDates.day(pupil.getSocialWorkerAllocatedAt()
                .atZone(org.openattendance.shared.London.ZONE).toLocalDate());
        String message = (pupil.getSocialWorker() == null
                ? "An administrator took this pupil off the social worker's caseload on " + on
                : "An administrator allocated this pupil to " + pupil.getSocialWorker() + " on " + on)
                + "; the upload does not change that (an administrator changes it on the caseload page)";
        return new SocialWorkerKept(pupil.getUpn(), pupil.getSocialWorker(), sent, message);
    }

    /**
     * What stops these pupils being saved, each problem at the pupil's index; nothing is written. An import
     * that takes the pupils it can (a Common Transfer File) saves only those without problems.
     */
    @Transactional(readOnly = true)
    public List<Problem> problemsWith(String urn, List<PupilData> data) {
        return check(urn, data, new HashMap<>());
    }

    private List<Problem> check(String urn, List<PupilData> data, Map<String, Pupil> existing) {
        var problems = new ArrayList<Problem>();
        var seen = new HashSet<String>();
        String laCode = schools.findById(urn).map(School::getLaCode).orElse(null);
        for (int i = 0; i < data.size(); i++) {
            problems.addAll(problemsWith("[" + i + "]", data.get(i), seen, laCode));
        }
        if (problems.isEmpty()) {
            pupils.findByUpnIn(seen).forEach(p -> existing.put(p.getUpn(), p));
            for (int i = 0; i < data.size(); i++) {
                Pupil found = existing.get(Upn.of(data.get(i).upn()).value());
                if (found != null && !found.getSchoolUrn().equals(urn)) {
                    // Nothing about the other school's record (which school, a deletion from its roll) reaches this one.
                    problems.add(new Problem("[" + i + "].upn", HELD_ELSEWHERE));
                    continue;
                }
                problems.addAll(deletionProblems("[" + i + "].", data.get(i), found));
            }
        }
        return problems;
    }

    static final String HELD_ELSEWHERE = "cannot be added at this school: the pupil's record is held elsewhere. If the "
            + "pupil has joined from another school, ask your local authority to move the record";

    private PupilAdmitted admitted(Pupil pupil, School school) {
        AcademicYear year = AcademicYear.containing(pupil.getAdmissionDate());
        boolean firstDay = calendars.forYears(school.getUrn(), List.of(year)).terms().stream()
                .map(SchoolCalendar.Term::start).min(LocalDate::compareTo)
                .map(pupil.getAdmissionDate()::equals).orElse(false);
        return new PupilAdmitted(pupil.getId(), pupil.getUpn(), school.getUrn(), school.getLaCode(),
                pupil.getAdmissionDate(), pupil.getYearGroup(),
                school.getYoungestYearGroup() != null && pupil.getYearGroup() == school.getYoungestYearGroup(), firstDay);
    }

    private List<Problem> problemsWith(String at, PupilData pupil, Set<String> seen, String laCode) {
        var problems = new ArrayList<Problem>();
        if (pupil == null) {
            return List.of(new Problem(at, "is empty"));
        }
        String upnProblem = Upn.problemWith(pupil.upn() == null ? null : pupil.upn().trim().toUpperCase());
        if (upnProblem != null) {
            problems.add(new Problem(at + ".upn", upnProblem));
        } else if (!seen.add(pupil.upn().trim().toUpperCase())) {
            problems.add(new Problem(at + ".upn", "UPN " + pupil.upn() + " appears more than once in this upload"));
        }
        requireText(problems, at + ".forename", pupil.forename());
        requireText(problems, at + ".surname", pupil.surname());
        if (pupil.dateOfBirth() == null || !pupil.dateOfBirth().isBefore(LocalDate.now(clock))) {
            problems.add(new Problem(at + ".dateOfBirth", "is required and must be in the past"));
        }
        if (pupil.yearGroup() == null || pupil.yearGroup() < -1 || pupil.yearGroup() > 14) {
            problems.add(new Problem(at + ".yearGroup", "must be a year group from -1 (nursery) and 0 (reception) to 14"));
        }
        if (pupil.admissionDate() == null) {
            problems.add(new Problem(at + ".admissionDate", "is required"));
        } else if (pupil.dateOfBirth() != null && pupil.admissionDate().isBefore(pupil.dateOfBirth())) {
            problems.add(new Problem(at + ".admissionDate", "is before the date of birth"));
        }
        String socialWorker = blankToNull(pupil.socialWorker());
        if (socialWorker != null && !users.isSocialWorkerFor(socialWorker, laCode)) {
            // The same words for a username that does not exist, one that is not a social worker's and a social
            // worker of another LA: an upload does not tell a school who is a social worker elsewhere.
            problems.add(new Problem(at + ".socialWorker", "'" + socialWorker
                    + "' is not the username of a social worker for this school's local authority"));
        }
        List<ParentData> parents = pupil.parents() == null ? List.of() : pupil.parents();
        for (int j = 0; j < parents.size(); j++) {
            ParentData parent = parents.get(j);
            if (parent == null) {
                problems.add(new Problem(at + ".parents[" + j + "]", "is empty; give the parent's details or leave it out"));
            } else {
                problems.addAll(problemsWith(at + ".parents[" + j + "]", parent));
            }
        }
        if (pupil.cohorts() != null && pupil.cohorts().stream().anyMatch(java.util.Objects::isNull)) {
            problems.add(new Problem(at + ".cohorts", "contains an empty value; use " + List.of(Cohort.values())));
        }
        return problems;
    }

    /**
     * A leaver goes through the one deletion path's checks (a ground of the regulations that is met, never
     * back-dated); a recorded deletion is not undone by an upload.
     */
    private List<Problem> deletionProblems(String at, PupilData pupil, Pupil existing) {
        LocalDate recorded = existing == null ? null : existing.getDeletionDate();
        if (pupil.deletionDate() == null) {
            return recorded == null ? List.of() : List.of(new Problem(at + "deletionDate", "the pupil was deleted from"
                    + " roll on " + recorded + "; a deletion is not undone by an upload (re-admit the pupil instead)"));
        }
        return deletions.problemsWith(at, existing, pupil.admissionDate(), pupil.deletion());
    }

    private static List<Problem> problemsWith(String at, ParentData parent) {
        var problems = new ArrayList<Problem>();
        requireText(problems, at + ".name", parent.name());
        requireText(problems, at + ".relationship", parent.relationship());
        if (parent.parentalResponsibility() == null) {
            problems.add(new Problem(at + ".parentalResponsibility", "must be true or false"));
        }
        if (parent.livesWithPupil() == null) {
            problems.add(new Problem(at + ".livesWithPupil", "must be true or false"));
        }
        if (parent.email() != null && !parent.email().isBlank() && !parent.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new Problem(at + ".email", "'" + parent.email() + "' is not an e-mail address"));
        }
        return problems;
    }

    private static List<Parent> parentsOf(PupilData pupil) {
        if (pupil.parents() == null) {
            return List.of();
        }
        return pupil.parents().stream().map(p -> new Parent(p.name().trim(), p.relationship().trim(),
                p.parentalResponsibility(), p.livesWithPupil(), blankToNull(p.email()), blankToNull(p.phone()),
                blankToNull(p.address()))).toList();
    }

    private static void requireText(List<Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "is required"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Gives an LA its name (saving a school creates its LA as "Local authority 881" until it is named). */
    @Transactional
    public void nameLocalAuthority(String laCode, String name) {
        if (!localAuthorityExists(laCode)) {
            throw new InvalidInputException("No local authority " + laCode,
                    List.of(new Problem("laCode", "no local authority has this code")));
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("The local authority needs a name", List.of(new Problem("name", "is required")));
        }
        jdbc.update("update local_authority set name = ? where code = ?", name.strip(), laCode);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseloadPupil> caseloadOf(String socialWorker) {
        return jdbc.query("select p.upn, p.forename || ' ' || p.surname, s.name from pupil p "
                        + "join school s on s.urn = p.school_urn where p.social_worker = ? "
                        + "order by p.surname, p.forename, p.upn",
                (rs, i) -> new CaseloadPupil(rs.getString(1), rs.getString(2), rs.getString(3)), socialWorker);
    }

    @Override
    @Transactional
    public void allocate(String socialWorker, List<String> upns) {
        var problems = new ArrayList<Problem>();
        var wanted = new java.util.LinkedHashSet<String>();
        for (String text : upns) {
            String upn = text.trim().toUpperCase(java.util.Locale.ROOT);
            if (upn.isEmpty()) {
                continue;
            }
            if (Upn.problemWith(upn) != null) {
                problems.add(new Problem("upns", Upn.problemWith(upn)));
            } else {
                wanted.add(upn);
            }
        }
        var found = pupils.findByUpnIn(wanted);
        var known = found.stream().map(Pupil::getUpn).collect(java.util.stream.Collectors.toSet());
        wanted.stream().filter(upn -> !known.contains(upn))
                .forEach(upn -> problems.add(new Problem("upns", "no pupil has the UPN " + upn)));
        if (wanted.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("upns", "enter at least one UPN"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The caseload cannot be changed", problems);
        }
        jdbc.update("update pupil set social_worker = ?, social_worker_allocated_at = ? where upn = any(?)", socialWorker,
                java.sql.Timestamp.from(clock.instant()), wanted.toArray(String[]::new));
        publishChanged(found);
    }

    @Override
    @Transactional
    public boolean release(String socialWorker, String upn) {
        var pupil = pupils.findByUpn(upn).filter(p -> socialWorker.equals(p.getSocialWorker()));
        if (pupil.isEmpty()) {
            return false;
        }
        jdbc.update("update pupil set social_worker = null, social_worker_allocated_at = ? where upn = ? and social_worker = ?",
                java.sql.Timestamp.from(clock.instant()), upn, socialWorker);
        publishChanged(List.of(pupil.get()));
        return true;
    }

    /** As after an upload of pupils: what is worked out from their records is worked out again. */
    private void publishChanged(List<Pupil> changed) {
        changed.stream().collect(java.util.stream.Collectors.groupingBy(Pupil::getSchoolUrn,
                        java.util.stream.Collectors.mapping(Pupil::getId, java.util.stream.Collectors.toList())))
                .forEach((urn, ids) -> events.publishEvent(new PupilsChanged(urn, ids)));
    }

    @Override
    public boolean schoolExists(String urn) {
        return schools.existsById(urn);
    }

    @Override
    public boolean localAuthorityExists(String laCode) {
        Integer count = jdbc.queryForObject("select count(*) from local_authority where code = ?", Integer.class, laCode);
        return count != null && count > 0;
    }

    @Override
    public Optional<String> schoolName(String urn) {
        return schools.findById(urn).map(School::getName);
    }

    @Override
    public Optional<String> localAuthorityName(String laCode) {
        return jdbc.queryForList("select name from local_authority where code = ?", String.class, laCode)
                .stream().findFirst();
    }

    @Override
    public Map<String, String> localAuthorities() {
        var authorities = new LinkedHashMap<String, String>();
        jdbc.query("select code, name from local_authority order by name, code",
                (ResultSet rs) -> { authorities.put(rs.getString("code"), rs.getString("name")); });
        return authorities;
    }

    @Override
    public Map<String, String> pupilNames(Collection<String> upns) {
        var names = new LinkedHashMap<String, String>();
        if (!upns.isEmpty()) {
            jdbc.query("select upn, forename || ' ' || surname from pupil where upn = any(?)",
                    (ResultSet rs) -> {
                        names.put(rs.getString(1), rs.getString(2));
                    }, (Object) upns.toArray(String[]::new));
        }
        return names;
    }
}
