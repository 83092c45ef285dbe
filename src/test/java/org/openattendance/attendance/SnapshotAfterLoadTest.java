package org.openattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.openattendance.support.RegisterUploads;
import org.openattendance.support.SignalLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** A register load updates the touched pupils' snapshots after it commits and publishes the thresholds crossed. */
@IntegrationTest
class SnapshotAfterLoadTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignalLog log;

    Fixtures.TestSchool school;
    String officer;
    String upn;

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        upn = fixtures.pupils(school, 1).get(0);
    }

    @Test
    void aLoadRecalculatesTheSnapshotAndSignalsThresholdsCrossed() {
        // 10 school days back from yesterday (skipping the fixture's closed day): 8 present, 2 days of N.
        List<LocalDate> days = new ArrayList<>();
        for (int n = 1; days.size() < 10; n++) {
            LocalDate day = Fixtures.weekdaysAgo(n);
            if (!day.equals(Fixtures.closedDay())) {
                days.add(0, day);
            }
        }
        var csv = new StringBuilder("upn,date,session,code\n");
        for (int i = 0; i < days.size(); i++) {
            boolean absent = i >= 8;
            csv.append(upn).append(',').append(days.get(i)).append(",AM,").append(absent ? "N" : "/").append('\n');
            csv.append(upn).append(',').append(days.get(i)).append(",PM,").append(absent ? "N" : "\\").append('\n');
        }
        postCsv(csv.toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> snapshot() != null);
        Map<String, Object> snapshot = snapshot();
        assertThat(snapshot).containsEntry("possible", 20).containsEntry("attended", 16).containsEntry("unauthorised", 4)
                .containsEntry("band", "PERSISTENT").containsEntry("unexplained_streak_days", 2)
                .containsEntry("penalty_sessions", 4).containsEntry("penalty_met", false);
        assertThat(snapshot.get("attendance_percent").toString()).isEqualTo("80.0");
        assertThat(kindsFor(upn)).contains(SignalKind.PERSISTENT_ABSENCE, SignalKind.BELOW_ATTENDANCE_THRESHOLD,
                SignalKind.UNEXPLAINED_ABSENCE).doesNotContain(SignalKind.PENALTY_THRESHOLD_MET, SignalKind.SEVERE_ABSENCE);

        var api = http.withBasicAuth(officer, PASSWORD).exchange("/api/pupils/" + upn + "/attendance", HttpMethod.GET,
                null, new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
        assertThat(api).containsEntry("possible", 20).containsEntry("attended", 16).containsEntry("band", "PERSISTENT")
                .containsEntry("unexplainedStreakDays", 2).containsEntry("attendancePercent", 80.0);
        assertThat((Map<String, Object>) api.get("penaltyThreshold")).containsEntry("sessions", 4).containsEntry("met", false);

        var list = http.withBasicAuth(officer, PASSWORD).exchange("/api/schools/" + school.urn() + "/pupils?band=PERSISTENT",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(list).singleElement().satisfies(p -> assertThat(p).containsEntry("upn", upn).containsEntry("attendancePercent", 80.0));
        var none = http.withBasicAuth(officer, PASSWORD).exchange("/api/schools/" + school.urn() + "/pupils?band=SEVERE",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(none).isEmpty();
    }

    @Test
    void anAmendmentThatExplainsTheAbsenceLiftsTheStreak() {
        LocalDate day = Fixtures.weekdaysAgo(1);
        postCsv("upn,date,session,code\n" + upn + "," + day + ",AM,N\n" + upn + "," + day + ",PM,N\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshot() != null
                && Integer.valueOf(1).equals(snapshot().get("unexplained_streak_days")));

        postCsv("upn,date,session,code,reason\n" + upn + "," + day + ",AM,I,Father phoned\n" + upn + "," + day + ",PM,I,Father phoned\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(0).equals(snapshot().get("unexplained_streak_days")));
        assertThat(snapshot()).containsEntry("illness_sessions", 2).containsEntry("authorised", 2);
    }

    @Test
    void thePersistentBandIncludesTheSeverelyAbsentAndEachRowHasItsSessionCounts() {
        List<String> upns = fixtures.pupils(school, 2);
        String severe = upns.get(0);
        String fine = upns.get(1);
        // 10 school days: the pupil set up for each test 2 days of N (PA), the next 6 days of O (SA), the last every day present.
        List<LocalDate> days = new ArrayList<>();
        for (int n = 1; days.size() < 10; n++) {
            LocalDate day = Fixtures.weekdaysAgo(n);
            if (!day.equals(Fixtures.closedDay())) {
                days.add(0, day);
            }
        }
        var csv = new StringBuilder("upn,date,session,code\n");
        for (int i = 0; i < days.size(); i++) {
            csv.append(upn).append(',').append(days.get(i)).append(",AM,").append(i >= 8 ? "N" : "/").append('\n');
            csv.append(upn).append(',').append(days.get(i)).append(",PM,").append(i >= 8 ? "N" : "\\").append('\n');
            csv.append(severe).append(',').append(days.get(i)).append(",AM,").append(i < 6 ? "O" : "/").append('\n');
            csv.append(severe).append(',').append(days.get(i)).append(",PM,").append(i < 6 ? "I" : "\\").append('\n');
            csv.append(fine).append(',').append(days.get(i)).append(",AM,/\n");
            csv.append(fine).append(',').append(days.get(i)).append(",PM,\\\n");
        }
        postCsv(csv.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from attendance_snapshot s join pupil p on p.id = s.pupil_id where p.upn = any(?)",
                Integer.class, (Object) new String[] {upn, severe, fine}) == 3);

        var persistent = list("PERSISTENT");
        assertThat(persistent).extracting(p -> p.get("upn")).containsExactlyInAnyOrder(upn, severe);
        assertThat(persistent).filteredOn(p -> severe.equals(p.get("upn"))).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("band", "SEVERE").containsEntry("possible", 20).containsEntry("attended", 8)
                .containsEntry("authorised", 6).containsEntry("unauthorised", 6).containsEntry("attendancePercent", 40.0));
        assertThat(persistent).filteredOn(p -> upn.equals(p.get("upn"))).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("band", "PERSISTENT").containsEntry("attended", 16).containsEntry("authorised", 0)
                .containsEntry("unauthorised", 4));
        assertThat(list("SEVERE")).extracting(p -> p.get("upn")).containsExactly(severe);
        assertThat(list("NONE")).singleElement().satisfies(p -> assertThat(p).containsEntry("upn", fine)
                .containsEntry("attended", 20).containsEntry("authorised", 0).containsEntry("unauthorised", 0));
    }

    private List<Map<String, Object>> list(String band) {
        return http.withBasicAuth(officer, PASSWORD).exchange("/api/schools/" + school.urn() + "/pupils?band=" + band,
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    @Test
    void aBadBandFilterIsExplained() {
        var response = http.withBasicAuth(officer, PASSWORD).getForEntity("/api/schools/" + school.urn() + "/pupils?band=AWFUL", Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("error").toString()).contains("NONE, PERSISTENT, SEVERE");
    }

    private List<SignalKind> kindsFor(String upn) {
        return log.forPupil(upn).stream().map(AttendanceSignal::kind).toList();
    }

    private Map<String, Object> snapshot() {
        var rows = jdbc.queryForList("select s.* from attendance_snapshot s join pupil p on p.id = s.pupil_id where p.upn = ?", upn);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void postCsv(String csv) {
        RegisterUploads.load(http, officer, school.urn(), csv);
    }
}
