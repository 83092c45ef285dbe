package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openattendance.school.Cohort;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.openattendance.support.RegisterUploads;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * A school of this academic year for the dashboard pages, loaded through the application's own API: five school
 * days (the last weekdays before today, without the fixtures' closure day) at school A:
 *
 * <pre>
 * a1 year 3                        present every session
 * a2 year 3, FSM                   O every session: severely absent
 * a3 year 4                        one U (late after the register closed): exactly 10 %, persistently absent
 * a4 year 4, looked after, social worker sw: one I, 1 of 10: persistently absent
 * a5 "=SUM(1+1) -Dash", a6 "+Plus @Home": present (names a spreadsheet would run as formulas)
 * a7 year 5                        N on the last day (a case with a first-day contact task)
 * </pre>
 * and at school B of the same LA one pupil, b1, absent (O) on one day. With the users of every role.
 */
public final class DashboardScenario {

    public final Fixtures.TestSchool schoolA;
    public final Fixtures.TestSchool schoolB;
    public final List<LocalDate> days = new ArrayList<>();
    public final String officerA;
    public final String secondOfficerA;
    public final String headA;
    public final String managerA;
    public final String managerB;
    public final String laOfficer;
    public final String laManager;
    public final String socialWorker;
    public final String virtualSchoolHead;
    public final String a1;
    public final String a2;
    public final String a3;
    public final String a4;
    public final String a5;
    public final String a6;
    public final String a7;
    public final String b1;
    public final String contactTask;

    public DashboardScenario(Fixtures fixtures, SchoolAdministration schools, TestRestTemplate http) {
        for (int n = 1; days.size() < 5; n++) {
            LocalDate day = Fixtures.weekdaysAgo(n);
            if (!day.equals(Fixtures.closedDay())) {
                days.add(0, day);
            }
        }
        String la = fixtures.newLaCode();
        schoolA = fixtures.school(la);
        schoolB = fixtures.school(la);
        officerA = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(schoolA.urn()), null);
        secondOfficerA = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(schoolA.urn()), null);
        headA = fixtures.user(Role.HEADTEACHER, Set.of(schoolA.urn()), null);
        managerA = fixtures.user(Role.MANAGER, Set.of(schoolA.urn()), null);
        managerB = fixtures.user(Role.MANAGER, Set.of(schoolB.urn()), null);
        laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), la);
        laManager = fixtures.user(Role.MANAGER, Set.of(), la);
        socialWorker = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);
        virtualSchoolHead = fixtures.user(Role.VIRTUAL_SCHOOL_HEAD, Set.of(), la);
        a1 = pupil(fixtures, schools, schoolA, "Ava", "Present", 3, Set.of(), null);
        a2 = pupil(fixtures, schools, schoolA, "Ben", "Absent", 3, Set.of(Cohort.FSM), null);
        a3 = pupil(fixtures, schools, schoolA, "Cal", "Late", 4, Set.of(), null);
        a4 = pupil(fixtures, schools, schoolA, "Dee", "Cared", 4, Set.of(Cohort.LOOKED_AFTER), socialWorker);
        a5 = pupil(fixtures, schools, schoolA, "=SUM(1+1)", "-Dash", 5, Set.of(), null);
        a6 = pupil(fixtures, schools, schoolA, "+Plus", "@Home", 5, Set.of(), null);
        a7 = pupil(fixtures, schools, schoolA, "Eve", "Missing", 5, Set.of(), null);
        b1 = pupil(fixtures, schools, schoolB, "Fay", "Elsewhere", 3, Set.of(), null);

        var marks = new StringBuilder("upn,date,session,code\n");
        for (int i = 0; i < days.size(); i++) {
            boolean last = i == days.size() - 1;
            for (String session : List.of("AM", "PM")) {
                String present = session.equals("AM") ? "/" : "\\";
                marks.append(mark(a1, i, session, present));
                marks.append(mark(a2, i, session, "O"));
                marks.append(mark(a3, i, session, i == 1 && session.equals("AM") ? "U" : present));
                marks.append(mark(a4, i, session, i == 2 && session.equals("PM") ? "I" : present));
                marks.append(mark(a5, i, session, present));
                marks.append(mark(a6, i, session, present));
                marks.append(mark(a7, i, session, last ? "N" : present));
            }
        }
        post(http, officerA, schoolA, marks.toString());
        var other = new StringBuilder("upn,date,session,code\n");
        for (int i = 0; i < days.size(); i++) {
            other.append(mark(b1, i, "AM", i == 0 ? "O" : "/")).append(mark(b1, i, "PM", i == 0 ? "O" : "\\"));
        }
        post(http, fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(schoolB.urn()), null), schoolB, other.toString());

        contactTask = awaitContactTask(http);
        // 7 pupils at A: 70 possible; 6 at B's one pupil: 10 possible; the figures are worked out after the loads.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.withBasicAuth(laOfficer, PASSWORD)
                .getForEntity("/api/las/" + la + "/attendance-summary", Map.class).getBody())
                .containsEntry("possible", 80).containsEntry("attended", 64));
    }

    private String awaitContactTask(TestRestTemplate http) {
        var list = new ParameterizedTypeReference<List<Map<String, Object>>>() { };
        await().atMost(Duration.ofSeconds(60)).until(() -> contactTask(http, list).isPresent());
        return contactTask(http, list).orElseThrow();
    }

    private Optional<String> contactTask(TestRestTemplate http, ParameterizedTypeReference<List<Map<String, Object>>> list) {
        return http.withBasicAuth(officerA, PASSWORD).exchange("/api/tasks?upn=" + a7, HttpMethod.GET, null, list)
                .getBody().stream().filter(t -> "contact-parents".equals(t.get("taskKey")))
                .map(t -> (String) t.get("id")).findFirst();
    }

    private String mark(String upn, int day, String session, String code) {
        return upn + "," + days.get(day) + "," + session + "," + code + "\n";
    }

    private static String pupil(Fixtures fixtures, SchoolAdministration schools, Fixtures.TestSchool school,
                                String forename, String surname, int yearGroup, Set<Cohort> cohorts, String socialWorker) {
        String upn = fixtures.newUpn();
        schools.savePupils(school.urn(), List.of(new PupilData(upn, forename, surname, LocalDate.of(2016, 5, 6),
                yearGroup, Fixtures.today().minusYears(2), cohorts, socialWorker,
                List.of(new ParentData("Sam Parent", "Mother", true, true, null, "07700 900000", "1 High Street")))));
        return upn;
    }

    private static void post(TestRestTemplate http, String officer, Fixtures.TestSchool school, String csv) {
        RegisterUploads.load(http, officer, school.urn(), csv);
    }
}
