package org.openattendance.demo;

import static org.openattendance.demo.DemoSchool.CASTLE_HILL;
import static org.openattendance.demo.DemoSchool.LA_CODE;
import static org.openattendance.demo.DemoSchool.LA_NAME;
import static org.openattendance.demo.DemoSchool.MILLBROOK;
import static org.openattendance.demo.DemoSchool.ST_ANNES;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.openattendance.demo.DemoRegister.SchoolDay;
import org.openattendance.register.MarkRow;
import org.openattendance.register.MarkSource;
import org.openattendance.register.Recorder;
import org.openattendance.register.RegisterLoadResult;
import org.openattendance.register.RegisterLoader;
import org.openattendance.school.School;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolAdministration.SchoolData;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.security.StaffUserStore;
import org.openattendance.security.UserAdministration;
import org.openattendance.security.UserAdministration.NewUser;
import org.openattendance.shared.AcademicYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up in the demo profile, when the demo schools do not exist yet, creates the demo LA, schools, calendars
 * (this academic year and the last), users, pupils and register marks up to yesterday, all through the
 * application's own services (never SQL into another module's tables: the data passes the same checks as real data).
 * Everything is one transaction under a PostgreSQL advisory lock, so when several nodes start together one loads the
 * data and the others, once it has committed, find it there.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "openattendance.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    /**
     * Held until the demo data commits: another node starting at the same time waits, then finds the data. Two
     * 32-bit keys, a key space apart from the one-key locks that {@link RegisterLoader} takes per school.
     */
    static final String LOCK = "select pg_advisory_xact_lock(hashtext('open-attendance'), hashtext('demo-data'))::text";
    static final String PASSWORD = "demo";
    static final String SOCIAL_WORKER = "social.worker";
    static final String VIRTUAL_SCHOOL = "virtual.school";
    static final String EMAIL_DOMAIN = "northshire.example";
    /** The same demo data every time (for the same day): 19 August 2024, when the 2024 regulations came in. */
    private static final long SEED = 20_240_819L;
    private static final Recorder MIS_IMPORT = new Recorder("mis-import", "ATTENDANCE_OFFICER", MarkSource.DEMO);
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    record Summary(int schools, int pupils, int users, long marks, LocalDate from, LocalDate to) {
    }

    private final SchoolAdministration schools;
    private final SchoolCalendars calendars;
    private final UserAdministration users;
    private final StaffUserStore staff;
    private final RegisterLoader register;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoDataLoader(SchoolAdministration schools, SchoolCalendars calendars, UserAdministration users, StaffUserStore staff,
                   RegisterLoader register, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.schools = schools;
        this.calendars = calendars;
        this.users = users;
        this.staff = staff;
        this.register = register;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The demo users, all with the password {@value #PASSWORD}. */
    static List<NewUser> demoUsers() {
        return List.of(
                user("admin", "Alex Morgan", Role.ADMIN, Set.of(), null),
                user("officer." + MILLBROOK.shortName(), "Priya Shah", Role.ATTENDANCE_OFFICER, Set.of(MILLBROOK.urn()), null),
                user("head." + MILLBROOK.shortName(), "Helen Carter", Role.HEADTEACHER, Set.of(MILLBROOK.urn()), null),
                user("officer." + ST_ANNES.shortName(), "Mark Ellis", Role.ATTENDANCE_OFFICER, Set.of(ST_ANNES.urn()), null),
                user("head." + ST_ANNES.shortName(), "Rachel Osei", Role.HEADTEACHER, Set.of(ST_ANNES.urn()), null),
                user("officer." + CASTLE_HILL.shortName(), "Dan Whitfield", Role.ATTENDANCE_OFFICER, Set.of(CASTLE_HILL.urn()), null),
                user("head." + CASTLE_HILL.shortName(), "Sarah Lomax", Role.HEADTEACHER, Set.of(CASTLE_HILL.urn()), null),
                user("manager." + CASTLE_HILL.shortName(), "Tom Baxter", Role.MANAGER, Set.of(CASTLE_HILL.urn()), null),
                user("la.officer", "Jo Barker", Role.LA_OFFICER, Set.of(), LA_CODE),
                user("la.manager", "Catherine Hughes", Role.MANAGER, Set.of(), LA_CODE),
                user(SOCIAL_WORKER, "Femi Adebayo", Role.SOCIAL_WORKER, Set.of(), LA_CODE),
                user(VIRTUAL_SCHOOL, "Grace Okafor", Role.VIRTUAL_SCHOOL_HEAD, Set.of(), LA_CODE));
    }

    private static NewUser user(String username, String displayName, Role role, Set<String> schools, String laCode) {
        return new NewUser(username, PASSWORD, displayName, Set.of(role), schools, laCode, username + "@" + EMAIL_DOMAIN);
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        Summary summary = transaction.execute(status -> loadUnlessPresent());
        if (summary == null) {
            log.info("Demo data: the demo schools already exist; nothing added");
            return;
        }
        log.info("Demo data loaded in {} s: LA {} ({}), {} schools, {} pupils, {} users (password '{}'), "
                        + "{} register marks from {} to {}", (System.nanoTime() - started) / 1_000_000_000,
                LA_CODE, LA_NAME, summary.schools(), summary.pupils(), summary.users(), PASSWORD, summary.marks(),
                summary.from(), summary.to());
    }

    private Summary loadUnlessPresent() {
        jdbc.queryForObject(LOCK, String.class);
        if (DemoSchool.urns().stream().anyMatch(schools::schoolExists)) {
            addNewDemoUsers();
            return null;
        }
        return load(LocalDate.now(clock));
    }

    /** Demo data loaded by an earlier version: adds the demo users it lacked and their e-mail addresses. */
    private void addNewDemoUsers() {
        for (NewUser user : demoUsers()) {
            staff.find(user.username()).ifPresentOrElse(found -> {
                if (found.email() == null) {
                    staff.save(new StaffUser(found.username(), found.passwordHash(), found.displayName(), found.roles(),
                            found.schools(), found.laCode(), found.enabled(), user.email()));
                }
            }, () -> users.saveDemoUser(user));
        }
    }

    private Summary load(LocalDate today) {
        AcademicYear current = AcademicYear.containing(today);
        List<AcademicYear> years = List.of(current.previous(), current);
        List<School> saved = DemoSchool.ALL.stream().map(school -> createSchool(school, years)).toList();
        schools.nameLocalAuthority(LA_CODE, LA_NAME);
        demoUsers().forEach(users::saveDemoUser);   // before the pupils, who name the social worker

        int pupils = 0;
        long marks = 0;
        var markedDays = new TreeSet<LocalDate>();
        for (int i = 0; i < DemoSchool.ALL.size(); i++) {
            DemoSchool school = DemoSchool.ALL.get(i);
            List<SchoolDay> days = DemoRegister.schoolDays(calendars.forYears(school.urn(), years),
                    years.get(0).firstDay(), today);
            List<PupilData> schoolPupils = createPupils(school, current, days);
            var marksByYear = new DemoRegister(school, days, random(school, 2)).marksFor(schoolPupils);
            marks += loadRegister(saved.get(i), marksByYear, today);
            pupils += schoolPupils.size();
            days.forEach(day -> markedDays.add(day.date()));
        }
        return new Summary(saved.size(), pupils, demoUsers().size(), marks,
                markedDays.isEmpty() ? null : markedDays.first(), markedDays.isEmpty() ? null : markedDays.last());
    }

    private List<PupilData> createPupils(DemoSchool school, AcademicYear current, List<SchoolDay> days) {
        List<PupilData> pupils = new DemoPupils(school, current, days.stream().map(SchoolDay::date).toList(),
                SOCIAL_WORKER, random(school, 1)).create();
        schools.savePupils(school.urn(), pupils);
        return pupils;
    }

    private School createSchool(DemoSchool school, List<AcademicYear> years) {
        School saved = schools.saveSchool(new SchoolData(school.urn(), school.name(), LA_CODE, school.phase(),
                school.registerClosesAt()));
        years.forEach(year -> schools.saveCalendar(school.urn(), year, DemoCalendar.forYear(year, school.pollingStation())));
        return saved;
    }

    /** One load per academic year, as a school's MIS would send it; a rejected row is a bug in the demo data. */
    private long loadRegister(School school, Map<AcademicYear, List<MarkRow>> marksByYear, LocalDate today) {
        long accepted = 0;
        for (var year : marksByYear.entrySet()) {
            RegisterLoadResult result = register.load(school, year.getValue(), MIS_IMPORT, today);
            if (!result.rejected().isEmpty()) {
                throw new IllegalStateException("The demo register of " + school.getName() + " for " + year.getKey()
                        + " has " + result.rejected().size() + " rejected rows (a bug in the demo data); the first: "
                        + result.rejected().subList(0, Math.min(5, result.rejected().size())));
            }
            accepted += result.accepted();
        }
        return accepted;
    }

    private static Random random(DemoSchool school, int purpose) {
        return new Random(SEED * 31 + Long.parseLong(school.urn()) * 7 + purpose);
    }
}
