package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The summary API's figures against the hand-worked data set of {@link HandWorkedSchool}: every total below is
 * worked out in the comments from the marks, not read from the application.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceSummaryTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    DashboardDataSets dataSets;
    @Autowired
    TestRestTemplate http;

    HandWorkedSchool data;
    String head;
    String laOfficer;

    @BeforeAll
    void loadTheHandWorkedData() {
        data = dataSets.handWorkedSchool();
        head = fixtures.user(Role.HEADTEACHER, Set.of(data.schoolA.urn()), null);
        laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), data.schoolA.laCode());
        // The figures are worked out after the loads commit: wait until both schools' whole year is in.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(summary(head, schoolPath(data.schoolA), wholeYear()).get("possible")).isEqualTo(88);
            assertThat(summary(laOfficer, laPath(), wholeYear()).get("possible")).isEqualTo(108);
        });
    }

    @Test
    void theWholeYearOfSchoolAMatchesTheHandWorkedTotals() {
        Map<String, Object> year = summary(head, schoolPath(data.schoolA), wholeYear());

        // Pupils with a possible session: P1 to P5. Possible: 20 + 20 + 20 + 10 (P4 joined on d6) + 18 (P5's two Y2
        // sessions do not count) = 88. Attended: 20 + 18 + 10 + 9 + 17 = 74 (L is present). Authorised: P2's I, P3's
        // four M, P5's I = 6. Unauthorised: P2's U, P3's six O, P4's G = 8.
        assertThat(year).containsEntry("from", data.year.firstDay().toString())
                .containsEntry("to", data.year.lastDay().toString())
                .containsEntry("pupils", 5).containsEntry("possible", 88).containsEntry("attended", 74)
                .containsEntry("authorised", 6).containsEntry("unauthorised", 8);
        // 74 / 88 = 84.09 %; 14 / 88 = 15.91 %; 6 / 88 = 6.82 %; 8 / 88 = 9.09 %.
        assertThat(year).containsEntry("attendancePercent", 84.1).containsEntry("overallAbsencePercent", 15.9)
                .containsEntry("authorisedAbsencePercent", 6.8).containsEntry("unauthorisedAbsencePercent", 9.1);
        // Persistent: P2 (2 of 20, exactly 10 %), P3 (10 of 20), P4 (1 of their own 10); not P5 (1 of 18, 5.6 %).
        // Severe: P3 (exactly 50 %). 3 of 5 pupils = 60.0 %, 1 of 5 = 20.0 %.
        assertThat(year).containsEntry("persistentAbsentees", 3).containsEntry("persistentAbsencePercent", 60.0)
                .containsEntry("severeAbsentees", 1).containsEntry("severeAbsencePercent", 20.0)
                .containsEntry("lateAfterRegisterClosed", 1);
        // "/": P1 9 (one morning is L), P2 8, P3 5, P4 5, P5 8 = 35; "\": 10 + 10 + 5 + 4 + 9 = 38.
        assertThat(codes(year)).containsExactlyInAnyOrderEntriesOf(Map.of("/", 35, "\\", 38, "L", 1, "I", 2, "U", 1,
                "M", 4, "O", 6, "G", 1, "Y2", 2));
    }

    @Test
    void aPeriodThatStartsAndEndsInsideWeeksCountsOnlyItsDays() {
        // Wednesday d3 to Tuesday d7: P1 10 of 10; P2 9 of 10 (U on d7: exactly 10 %, persistent); P3 10 of 10 (M on
        // d1-d2 and O on d8-d10 are outside); P4 4 of 4 (d6, d7); P5 8 of 8 (Y2 on d4 does not count).
        Map<String, Object> part = summary(head, schoolPath(data.schoolA), "from=" + data.d(3) + "&to=" + data.d(7));

        assertThat(part).containsEntry("pupils", 5).containsEntry("possible", 42).containsEntry("attended", 41)
                .containsEntry("authorised", 0).containsEntry("unauthorised", 1).containsEntry("lateAfterRegisterClosed", 1)
                .containsEntry("persistentAbsentees", 1).containsEntry("severeAbsentees", 0)
                .containsEntry("attendancePercent", 97.6).containsEntry("overallAbsencePercent", 2.4)
                .containsEntry("persistentAbsencePercent", 20.0);
        assertThat(codes(part)).containsExactlyInAnyOrderEntriesOf(Map.of("/", 19, "\\", 21, "L", 1, "U", 1, "Y2", 2));
    }

    @Test
    void theSecondWeekAsAWholeWeekAndAsMondayToFridayAgree() {
        // Week 2 (d6-d10): P1 10/10; P2 U (1 of 10, persistent); P3 six O (6 of 10, severe); P4 G (1 of 10,
        // persistent); P5 10/10. 50 possible, 42 attended, 8 unauthorised.
        String monday = data.monday(2).toString();
        Map<String, Object> wholeWeek = summary(head, schoolPath(data.schoolA), "from=" + monday + "&to="
                + data.monday(2).plusDays(6));
        Map<String, Object> schoolDays = summary(head, schoolPath(data.schoolA), "from=" + monday + "&to=" + data.d(10));

        for (Map<String, Object> week : java.util.List.of(wholeWeek, schoolDays)) {
            assertThat(week).containsEntry("pupils", 5).containsEntry("possible", 50).containsEntry("attended", 42)
                    .containsEntry("authorised", 0).containsEntry("unauthorised", 8).containsEntry("persistentAbsentees", 3)
                    .containsEntry("severeAbsentees", 1).containsEntry("lateAfterRegisterClosed", 1)
                    .containsEntry("attendancePercent", 84.0).containsEntry("persistentAbsencePercent", 60.0);
        }
        assertThat(codes(wholeWeek)).isEqualTo(codes(schoolDays));
    }

    @Test
    void yearGroupAndCohortFiltersAloneAndTogether() {
        // Year 5: P3, P4, P5: 20 + 10 + 18 = 48 possible, 10 + 9 + 17 = 36 attended, 4 M + 1 I authorised, 6 O + 1 G.
        assertThat(summary(head, schoolPath(data.schoolA), wholeYear() + "&yearGroup=5")).containsEntry("pupils", 3)
                .containsEntry("possible", 48).containsEntry("attended", 36).containsEntry("authorised", 5)
                .containsEntry("unauthorised", 7).containsEntry("persistentAbsentees", 2).containsEntry("severeAbsentees", 1);
        // FSM: P2 and P3: 40 possible, 28 attended, 1 I + 4 M, 1 U + 6 O.
        assertThat(summary(head, schoolPath(data.schoolA), wholeYear() + "&cohort=FSM")).containsEntry("pupils", 2)
                .containsEntry("possible", 40).containsEntry("attended", 28).containsEntry("authorised", 5)
                .containsEntry("unauthorised", 7).containsEntry("persistentAbsentees", 2).containsEntry("severeAbsentees", 1)
                .containsEntry("lateAfterRegisterClosed", 1);
        // Year 5 and FSM: P3 alone.
        Map<String, Object> both = summary(head, schoolPath(data.schoolA), wholeYear() + "&yearGroup=5&cohort=fsm");
        assertThat(both).containsEntry("pupils", 1).containsEntry("possible", 20).containsEntry("attended", 10)
                .containsEntry("persistentAbsentees", 1).containsEntry("severeAbsentees", 1)
                .containsEntry("severeAbsencePercent", 100.0);
        assertThat(codes(both)).containsExactlyInAnyOrderEntriesOf(Map.of("/", 5, "\\", 5, "M", 4, "O", 6));
        // Looked after: P4, who joined mid-year, persistently absent on their own 10 sessions.
        assertThat(summary(head, schoolPath(data.schoolA), wholeYear() + "&cohort=LOOKED_AFTER")).containsEntry("pupils", 1)
                .containsEntry("possible", 10).containsEntry("persistentAbsentees", 1);
    }

    @Test
    void theLaAddsItsSchools() {
        // School A (88 possible, 74 attended, 6 authorised, 8 unauthorised, 3 persistent, 1 severe) and school B's Q1
        // (20 possible, 18 attended, 2 O: exactly 10 %, persistent).
        assertThat(summary(laOfficer, laPath(), wholeYear())).containsEntry("pupils", 6).containsEntry("possible", 108)
                .containsEntry("attended", 92).containsEntry("authorised", 6).containsEntry("unauthorised", 10)
                .containsEntry("persistentAbsentees", 4).containsEntry("severeAbsentees", 1)
                .containsEntry("attendancePercent", 85.2).containsEntry("persistentAbsencePercent", 66.7);
        assertThat(summary(laOfficer, laPath(), wholeYear() + "&yearGroup=3")).containsEntry("pupils", 3)
                .containsEntry("possible", 60).containsEntry("persistentAbsentees", 2);
    }

    @Test
    void theDefaultPeriodIsThisAcademicYearToDate() {
        Map<String, Object> now = summary(head, schoolPath(data.schoolA), "");

        assertThat(now).containsEntry("from", data.year.lastDay().plusDays(1).toString())
                .containsEntry("to", Fixtures.today().toString()).containsEntry("possible", 0).containsEntry("pupils", 0);
        assertThat(now.get("attendancePercent")).isNull();
    }

    @Test
    void eachSchoolAndLaIsSeenOnlyWithinScope() {
        String otherLaOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), fixtures.school(fixtures.newLaCode()).laCode());
        String socialWorker = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);

        assertThat(get(head, schoolPath(data.schoolB), wholeYear()).getStatusCode().value()).isEqualTo(404);
        assertThat(get(head, laPath(), wholeYear()).getStatusCode().value()).isEqualTo(404);
        assertThat(get(data.officerB, schoolPath(data.schoolA), wholeYear()).getStatusCode().value()).isEqualTo(404);
        assertThat(get(otherLaOfficer, laPath(), wholeYear()).getStatusCode().value()).isEqualTo(404);
        assertThat(get(otherLaOfficer, schoolPath(data.schoolA), wholeYear()).getStatusCode().value()).isEqualTo(404);
        assertThat(get(socialWorker, schoolPath(data.schoolA), wholeYear()).getStatusCode().value()).isEqualTo(404);
        assertThat(get(laOfficer, schoolPath(data.schoolB), wholeYear()).getStatusCode().value()).isEqualTo(200);
        assertThat(get(head, "/api/las/ZZZ/attendance-summary", "").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void badParametersAreExplained() {
        var backwards = get(head, schoolPath(data.schoolA), "from=" + data.d(7) + "&to=" + data.d(3));
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody().get("error").toString()).contains("before");

        var twoYears = get(head, schoolPath(data.schoolA), "from=" + data.d(1) + "&to=" + data.d(1).plusYears(1));
        assertThat(twoYears.getStatusCode().value()).isEqualTo(400);
        assertThat(twoYears.getBody().get("error").toString()).contains("same academic year");

        var cohort = get(head, schoolPath(data.schoolA), "cohort=GIFTED");
        assertThat(cohort.getStatusCode().value()).isEqualTo(400);
        assertThat(cohort.getBody().get("error").toString()).contains("SEN_SUPPORT");

        var year = get(head, schoolPath(data.schoolA), "yearGroup=Year7");
        assertThat(year.getStatusCode().value()).isEqualTo(400);
        assertThat(year.getBody().get("error").toString()).contains("yearGroup");

        assertThat(get(head, schoolPath(data.schoolA), "from=yesterday").getStatusCode().value()).isEqualTo(400);
    }

    private String wholeYear() {
        return "from=" + data.year.firstDay() + "&to=" + data.year.lastDay();
    }

    private String schoolPath(Fixtures.TestSchool school) {
        return "/api/schools/" + school.urn() + "/attendance-summary";
    }

    private String laPath() {
        return "/api/las/" + data.schoolA.laCode() + "/attendance-summary";
    }

    private Map<String, Object> summary(String user, String path, String query) {
        var response = get(user, path, query);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<Map<String, Object>> get(String user, String path, String query) {
        return http.withBasicAuth(user, PASSWORD).exchange(path + (query.isEmpty() ? "" : "?" + query), HttpMethod.GET,
                null, new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> codes(Map<String, Object> summary) {
        return (Map<String, Integer>) summary.get("sessionsByCode");
    }

}
