package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.legal.LegalFixtures.sam;
import static org.openattendance.legal.LegalFixtures.weekOf;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The legal API: a pupil's notices and Notices to Improve for whoever may see the pupil (404 outside their scope,
 * every read audited), payments and withdrawals by the LA's own officers only, the LA's register as JSON and as CSV
 * with formula-like cells made safe, and the school's request naming what is missing.
 */
@IntegrationTest
class LegalApiTest {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LegalFixtures families;
    @Autowired
    HolidayPenalties holidays;
    @Autowired
    PenaltyRequests requests;
    @Autowired
    JdbcTemplate jdbc;

    record Setting(LegalFixtures.Child child, Fixtures.TestSchool school, String number, String laOfficer,
                   String schoolOfficer) {
    }

    /** A child with an approved holiday request: one notice to Sam Parent. */
    Setting setting() {
        var family = families.family(1);
        var child = family.child();
        String number = holidays.notice(holidays.approved(child, 3, "Approved", sam()), 0).number();
        return new Setting(child, family.school(), number,
                fixtures.user(Role.LA_OFFICER, Set.of(), family.school().laCode()),
                fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(family.school().urn()), null));
    }

    ResponseEntity<List<Map<String, Object>>> notices(String user, String upn) {
        return http.withBasicAuth(user, PASSWORD).exchange("/api/pupils/" + upn + "/penalty-notices", HttpMethod.GET,
                null, LIST);
    }

    int status(String user, String path) {
        return http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class).getStatusCode().value();
    }

    ResponseEntity<Map> post(String user, String path, Object body) {
        return http.withBasicAuth(user, PASSWORD).postForEntity(path, body, Map.class);
    }

    @Test
    void aPupilsNoticesShowTheirParentAmountsSessionsAndStatusAndEachReadIsAudited() {
        var s = setting();

        var found = notices(s.schoolOfficer(), s.child().upn());

        assertThat(found.getStatusCode().value()).isEqualTo(200);
        assertThat(found.getBody()).singleElement().satisfies(n -> {
            assertThat(n).containsEntry("number", s.number()).containsEntry("parent", "Sam Parent")
                    .containsEntry("status", "ISSUED").containsEntry("received", null).containsEntry("occasion", 1);
            assertThat(n.get("issued")).isEqualTo(LegalEngine.today().toString());
            assertThat(((Number) n.get("amountDue")).doubleValue()).isEqualTo(80.0);
            assertThat((List<?>) n.get("sessions")).hasSize(10);
            assertThat((List<?>) n.get("payments")).isEmpty();
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'READ_PUPIL' "
                + "and subject_type = 'penalty-notices' and subject_id = ?", Integer.class, s.schoolOfficer(),
                s.child().upn())).isEqualTo(1);
    }

    @Test
    void outsideTheirScopeNobodySeesTheNoticesOrCanPay() {
        var s = setting();
        String otherLa = fixtures.user(Role.LA_OFFICER, Set.of(), fixtures.school(fixtures.newLaCode()).laCode());
        String otherSchool = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(fixtures.school(s.school().laCode()).urn()), null);

        assertThat(status(otherLa, "/api/pupils/" + s.child().upn() + "/penalty-notices")).isEqualTo(404);
        assertThat(status(otherSchool, "/api/pupils/" + s.child().upn() + "/penalty-notices")).isEqualTo(404);
        assertThat(status(otherLa, "/api/penalty-notices/" + s.number())).isEqualTo(404);
        assertThat(http.withBasicAuth(otherLa, PASSWORD).getForEntity("/api/pupils/" + s.child().upn()
                + "/notices-to-improve", String.class).getStatusCode().value()).isEqualTo(404);
        var payment = Map.of("amount", 80, "paidOn", LegalEngine.today().toString(), "reference", "X1");
        assertThat(post(otherLa, "/api/penalty-notices/" + s.number() + "/payments", payment).getStatusCode().value())
                .isEqualTo(404);
        assertThat(post(otherLa, "/api/penalty-notices/" + s.number() + "/withdraw",
                Map.of("ground", "NO_OFFENCE", "reason", "x")).getStatusCode().value()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from legal_payment p join legal_penalty_notice n on n.id = p.notice_id "
                + "where n.number = ?", Integer.class, s.number())).isZero();
    }

    @Test
    void onlyTheLasOfficersRecordPaymentsTheSchoolMayNot() {
        var s = setting();
        var payment = Map.of("amount", "80.00", "paidOn", LegalEngine.today().toString(), "reference", "BANK-123");

        assertThat(post(s.schoolOfficer(), "/api/penalty-notices/" + s.number() + "/payments", payment)
                .getStatusCode().value()).isEqualTo(403);
        var paid = post(s.laOfficer(), "/api/penalty-notices/" + s.number() + "/payments", payment);

        assertThat(paid.getStatusCode().value()).isEqualTo(201);
        assertThat(paid.getBody()).containsEntry("paidInFull", true);
        assertThat((Map<String, Object>) paid.getBody().get("notice")).containsEntry("status", "PAID");
        var again = post(s.laOfficer(), "/api/penalty-notices/" + s.number() + "/payments", payment);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat((String) again.getBody().get("error")).contains("already paid in full");
        assertThat(notices(s.laOfficer(), s.child().upn()).getBody()).singleElement().satisfies(n ->
                assertThat((List<Map<String, Object>>) n.get("payments")).singleElement().satisfies(p -> {
                    assertThat(p).containsEntry("reference", "BANK-123").containsEntry("paidOn", LegalEngine.today().toString());
                    assertThat(((Number) p.get("amount")).doubleValue()).isEqualTo(80.0);
                }));
    }

    @Test
    void aBadPaymentIsRefusedWithWhatIsWrong() {
        var s = setting();
        var bad = post(s.laOfficer(), "/api/penalty-notices/" + s.number() + "/payments",
                Map.of("amount", -3, "paidOn", LegalEngine.today().plusDays(2).toString()));

        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) bad.getBody().get("problems")).extracting(p -> p.get("where"))
                .containsExactly("amount", "paidOn", "reference");
        assertThat(post(s.laOfficer(), "/api/penalty-notices/PN-000-1999-99999/payments", Map.of()).getStatusCode()
                .value()).isEqualTo(404);
    }

    @Test
    void theLasOfficerWithdrawsOnAListedGroundWithAReason() {
        var s = setting();
        var unknown = post(s.laOfficer(), "/api/penalty-notices/" + s.number() + "/withdraw",
                Map.of("ground", "CHANGED_MIND", "reason", "x"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(post(s.schoolOfficer(), "/api/penalty-notices/" + s.number() + "/withdraw",
                Map.of("ground", "NO_OFFENCE", "reason", "x")).getStatusCode().value()).isEqualTo(403);

        var withdrawn = post(s.laOfficer(), "/api/penalty-notices/" + s.number() + "/withdraw",
                Map.of("ground", "WRONG_PERSON_OR_ADDRESS", "reason", "Sam Parent moved out before the holiday"));

        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN");
        assertThat((Map<String, Object>) withdrawn.getBody().get("withdrawal"))
                .containsEntry("ground", "WRONG_PERSON_OR_ADDRESS").containsEntry("by", s.laOfficer());
    }

    @Test
    void theLasRegisterFiltersByStatusAndSchoolAndSchoolStaffSeeOnlyTheirOwnSchool() {
        var s = setting();
        var otherSchool = fixtures.school(s.school().laCode());
        var sibling = families.family(otherSchool, 1, List.of(LegalFixtures.parent("Sam Parent"))).child();
        holidays.approved(sibling, 3, null, sam());
        String register = "/api/las/" + s.school().laCode() + "/penalty-notices";

        var all = http.withBasicAuth(s.laOfficer(), PASSWORD).exchange(register, HttpMethod.GET, null, LIST);
        var issued = http.withBasicAuth(s.laOfficer(), PASSWORD).exchange(register + "?status=ISSUED&school="
                + s.school().urn() + "&from=" + LegalEngine.today() + "&to=" + LegalEngine.today(), HttpMethod.GET, null, LIST);
        var paid = http.withBasicAuth(s.laOfficer(), PASSWORD).exchange(register + "?status=PAID", HttpMethod.GET, null, LIST);
        var schoolView = http.withBasicAuth(s.schoolOfficer(), PASSWORD).exchange(register, HttpMethod.GET, null, LIST);

        assertThat(all.getBody()).hasSize(2);
        assertThat(issued.getBody()).extracting(n -> n.get("number")).containsExactly(s.number());
        assertThat(paid.getBody()).isEmpty();
        assertThat(schoolView.getBody()).extracting(n -> n.get("number")).containsExactly(s.number());
        String otherLa = fixtures.user(Role.LA_OFFICER, Set.of(), fixtures.school(fixtures.newLaCode()).laCode());
        assertThat(http.withBasicAuth(otherLa, PASSWORD).getForEntity(register, String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(http.withBasicAuth(s.schoolOfficer(), PASSWORD).getForEntity(register + "?school="
                + otherSchool.urn(), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.withBasicAuth(s.laOfficer(), PASSWORD).getForEntity(register + "?status=LOST", String.class)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void theRegisterAsCsvMakesFormulaLikeCellsSafe() throws Exception {
        var family = families.family(fixtures.school(fixtures.newLaCode()), 1,
                List.of(LegalFixtures.parent("=HYPERLINK(\"http://evil\")"), LegalFixtures.parent("@Sam Parent")));
        var child = family.child();
        families.marks(child.pupilId(), "G", weekOf(3));
        var form = new RequestForm(RequestRoute.TERM_TIME_HOLIDAY, weekOf(3).get(0), weekOf(3).get(4), List.of(
                new RequestForm.ParentLine("=HYPERLINK(\"http://evil\")", "+1 Street", LocalDate.of(1980, 1, 1), null),
                new RequestForm.ParentLine("@Sam Parent", "-2 Street", LocalDate.of(1981, 1, 1), null)), "Holiday");
        requests.approve(requests.submit(child.caseId(), child.upn(), form, "officer.test").id(), "la.test", null);
        String laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), family.school().laCode());
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));

        var csv = http.withBasicAuth(laOfficer, PASSWORD).exchange("/api/las/" + family.school().laCode()
                + "/penalty-notices", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> rows;
        try (var parser = CSVParser.parse(csv.getBody(), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = parser.getRecords();
        }
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("Parent")).containsExactlyInAnyOrder("'=HYPERLINK(\"http://evil\")",
                "'@Sam Parent");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("UPN")).isEqualTo(child.upn());
            assertThat(r.get("Status")).isEqualTo("ISSUED");
            assertThat(r.get("Amount due")).isEqualTo("80.00");
            assertThat(r.get("Sessions")).isEqualTo("10");
        });
    }

    @Test
    void onlyTheSchoolSendsARequestAndOnlyOnACaseThatWaitsForIt() {
        var child = families.family(1).child();
        var school = jdbc.queryForObject("select school_urn from pupil where upn = ?", String.class, child.upn());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school), null);
        String laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(),
                jdbc.queryForObject("select la_code from school where urn = ?", String.class, school));
        families.marks(child.pupilId(), "G", weekOf(4));
        var body = Map.of("route", "TERM_TIME_HOLIDAY", "periodFrom", weekOf(4).get(0).toString(),
                "periodTo", weekOf(4).get(4).toString(), "schoolStatement", "Holiday in term time",
                "parents", List.of(Map.of("name", "Sam Parent", "address", "1 High Street", "dateOfBirth", "1985-05-01")));
        String path = "/api/pupils/" + child.upn() + "/penalty-notice-requests";

        assertThat(post(laOfficer, path, body).getStatusCode().value()).isEqualTo(403);
        var notWaiting = post(officer, path, body);

        assertThat(notWaiting.getStatusCode().value()).isEqualTo(409);
        assertThat((String) notWaiting.getBody().get("error")).contains("not waiting for a request");
        assertThat(requests.ofPupil(child.pupilId())).isEmpty();
    }
}
