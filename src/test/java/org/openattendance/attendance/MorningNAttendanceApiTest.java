package org.openattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.school.Phase;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.security.Role;
import org.openattendance.shared.London;
import org.openattendance.support.Fixtures;
import org.openattendance.support.RegisterUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * {@code GET /api/pupils/{upn}/attendance} on the morning of an N: once the school's morning register has closed, the
 * morning's N is the first day of unexplained absence, as the snapshot and the first-day contact task count it;
 * while the register is still open it is not yet.
 */
@IntegrationTest
class MorningNAttendanceApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SchoolAdministration schools;

    Fixtures.TestSchool school;
    String officer;
    String upn;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = Fixtures.today();
        Assumptions.assumeTrue(today.getDayOfWeek() != DayOfWeek.SATURDAY && today.getDayOfWeek() != DayOfWeek.SUNDAY,
                "marks for today need a school day");
        Assumptions.assumeTrue(LocalTime.now(London.ZONE).isAfter(LocalTime.of(0, 2))
                && LocalTime.now(London.ZONE).isBefore(LocalTime.of(23, 50)), "the closing times below are either side of now");
        school = fixtures.school(fixtures.newLaCode());
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        upn = fixtures.pupils(school, 1).get(0);
    }

    @Test
    void theMorningNCountsAsADayOfUnexplainedAbsenceOnceTheRegisterHasClosed() {
        setClosingTime(LocalTime.of(0, 1));
        load("upn,date,session,code\n" + upn + "," + today + ",AM,N\n");

        Map<?, ?> attendance = attendance(upn);

        assertThat(attendance.get("unexplainedStreakDays")).isEqualTo(1);
        assertThat(attendance.get("unauthorised")).isEqualTo(1);
        assertThat(attendance.get("to")).isEqualTo(today.toString());
    }

    @Test
    void theMorningNDoesNotCountWhileTheRegisterIsStillOpen() {
        setClosingTime(LocalTime.of(23, 59));
        load("upn,date,session,code\n" + upn + "," + today + ",AM,N\n");

        assertThat(attendance(upn).get("unexplainedStreakDays")).isEqualTo(0);
    }

    @Test
    void aDayOfNBeforeTodayCountsWhateverTheClosingTime() {
        setClosingTime(LocalTime.of(23, 59));
        LocalDate yesterday = Fixtures.weekdaysAgo(1);
        load("upn,date,session,code\n" + upn + "," + yesterday + ",AM,N\n");

        assertThat(attendance(upn).get("unexplainedStreakDays")).isEqualTo(1);
    }

    private Map<?, ?> attendance(String upn) {
        var response = http.withBasicAuth(officer, PASSWORD).getForEntity("/api/pupils/" + upn + "/attendance", Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private void setClosingTime(LocalTime closes) {
        schools.saveSchool(new SchoolAdministration.SchoolData(school.urn(), "Test School " + school.urn(),
                school.laCode(), Phase.PRIMARY, closes));
    }

    private void load(String csv) {
        RegisterUploads.load(http, officer, school.urn(), csv);
    }
}
