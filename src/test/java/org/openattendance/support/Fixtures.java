package org.openattendance.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.openattendance.school.Cohort;
import org.openattendance.school.Phase;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.CalendarData;
import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolAdministration.SchoolData;
import org.openattendance.school.SchoolAdministration.TermData;
import org.openattendance.security.Role;
import org.openattendance.security.UserAdministration;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.London;
import org.openattendance.shared.Upn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds schools, calendars, pupils and users for integration tests. Each call makes new URNs, LA codes,
 * UPNs and usernames, so tests sharing one database never see each other's data.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 500));

    private final SchoolAdministration schools;
    private final UserAdministration users;
    private final JdbcTemplate jdbc;

    Fixtures(SchoolAdministration schools, UserAdministration users, JdbcTemplate jdbc) {
        this.schools = schools;
        this.users = users;
        this.jdbc = jdbc;
    }

    public record TestSchool(String urn, String laCode) {
    }

    public static LocalDate today() {
        return LocalDate.now(London.ZONE);
    }

    /** The n-th weekday before today (1 = the last weekday before today). */
    public static LocalDate weekdaysAgo(int n) {
        LocalDate day = today();
        int found = 0;
        while (found < n) {
            day = day.minusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                found++;
            }
        }
        return day;
    }

    /** An LA code no school or user in the database has yet (the demo's 881 included): LA figures stay the test's own. */
    public String newLaCode() {
        for (int tries = 0; tries < 800; tries++) {
            String code = String.format("%03d", 100 + SEQUENCE.incrementAndGet() % 800);
            if (jdbc.queryForObject("select count(*) from local_authority where code = ?", Integer.class, code) == 0) {
                return code;
            }
        }
        throw new IllegalStateException("Every LA code from 100 to 899 is taken in the test database");
    }

    /** A school open every weekday of this academic year and the last one, except a closure 3 weekdays ago. */
    public TestSchool school(String laCode) {
        String urn = String.format("%06d", 100000 + SEQUENCE.incrementAndGet() * 7 % 899999);
        schools.saveSchool(new SchoolData(urn, "Test School " + urn, laCode, Phase.PRIMARY, LocalTime.of(9, 15)));
        AcademicYear year = AcademicYear.containing(today());
        for (AcademicYear y : List.of(year.previous(), year)) {
            var closures = y.equals(year)
                    ? List.of(new SchoolAdministration.ClosureData(closedDay(), null, "INSET day"))
                    : List.<SchoolAdministration.ClosureData>of();
            schools.saveCalendar(urn, y, new CalendarData(List.of(new TermData(y.firstDay(), y.lastDay())), closures));
        }
        return new TestSchool(urn, laCode);
    }

    /** The whole-day closure in every fixture school's calendar. */
    public static LocalDate closedDay() {
        return weekdaysAgo(3);
    }

    public String newUpn() {
        int n = SEQUENCE.incrementAndGet();
        String twelve = String.format("999%04d26%03d", n / 1000 % 10000, n % 1000);
        return Upn.checkLetterFor(twelve) + twelve;
    }

    public PupilData pupilData(String upn, String socialWorker, Set<Cohort> cohorts) {
        return new PupilData(upn, "Alex", "Pupil" + upn.substring(9), LocalDate.of(2017, 3, 4), 4,
                AcademicYear.containing(today()).previous().firstDay(), cohorts, socialWorker,
                List.of(new ParentData("Sam Parent", "Mother", true, true, "sam." + upn.toLowerCase() + "@example.org",
                        "07700 900000", "1 High Street, Northtown")));
    }

    /** Saves these pupils at the school as its MIS upload does: a new UPN joins the roll, a known one is updated. */
    public void save(TestSchool school, PupilData... pupils) {
        schools.savePupils(school.urn(), List.of(pupils));
    }

    /** A new pupil in this year group, on roll from this day, with a parent to contact; answers the UPN. */
    public String pupilAdmitted(TestSchool school, int yearGroup, LocalDate admitted) {
        String upn = newUpn();
        PupilData data = pupilData(upn, null, Set.of());
        save(school, new PupilData(upn, data.forename(), data.surname(), data.dateOfBirth(), yearGroup, admitted,
                data.cohorts(), null, data.parents()));
        return upn;
    }

    public List<String> pupils(TestSchool school, int count) {
        var upns = new ArrayList<String>();
        var data = new ArrayList<PupilData>();
        for (int i = 0; i < count; i++) {
            String upn = newUpn();
            upns.add(upn);
            data.add(pupilData(upn, null, Set.of()));
        }
        schools.savePupils(school.urn(), data);
        return upns;
    }

    public String pupilWithSocialWorker(TestSchool school, String socialWorker) {
        String upn = newUpn();
        schools.savePupils(school.urn(), List.of(pupilData(upn, socialWorker, Set.of(Cohort.CHILD_IN_NEED))));
        return upn;
    }

    public String user(Role role, Set<String> schoolUrns, String laCode) {
        String username = role.name().toLowerCase().replace('_', '.') + "." + SEQUENCE.incrementAndGet();
        users.save(new UserAdministration.NewUser(username, PASSWORD, "Test " + role, Set.of(role), schoolUrns, laCode));
        return username;
    }

    /** A user with the e-mail address {@code <username>@test.example}. */
    public String userWithEmail(Role role, Set<String> schoolUrns, String laCode) {
        String username = role.name().toLowerCase().replace('_', '.') + "." + SEQUENCE.incrementAndGet();
        users.save(new UserAdministration.NewUser(username, PASSWORD, "Test " + role, Set.of(role), schoolUrns, laCode,
                username + "@test.example"));
        return username;
    }

    public String admin() {
        return user(Role.ADMIN, Set.of(), null);
    }
}
