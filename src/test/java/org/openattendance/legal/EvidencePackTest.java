package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.legal.LegalFixtures.jo;
import static org.openattendance.legal.LegalFixtures.sam;
import static org.openattendance.legal.LegalFixtures.weekOf;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.notification.LetterRequest;
import org.openattendance.notification.Letters;
import org.openattendance.school.Cohort;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.security.Role;
import org.openattendance.security.UserAdministration;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evidence pack: one PDF a magistrate or an LA panel reads without the system. Its first page says what the
 * prosecution file (RULES.md section 5) lacks, or that nothing is missing; the text extracted from the PDF lists what
 * is there: the parents with their dates of birth, the attendance record, letters, meetings, notices and payments,
 * the timeline and the headteacher's certificate. Only the pupil's school and LA have it (404 otherwise), audited.
 */
@IntegrationTest
class EvidencePackTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LegalFixtures families;
    @Autowired
    HolidayPenalties holidays;
    @Autowired
    PenaltyNotices notices;
    @Autowired
    Letters letters;
    @Autowired
    CaseStore cases;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SchoolAdministration schools;
    @Autowired
    UserAdministration users;

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String firstPage(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    private ResponseEntity<byte[]> pack(String user, String upn) {
        return http.withBasicAuth(user, PASSWORD).getForEntity("/api/pupils/" + upn + "/evidence-pack", byte[].class);
    }

    @Test
    void theFirstPageNamesWhatTheFileLacksAndThePackHoldsWhatIsThere() throws IOException {
        var family = families.family(1);
        var child = family.child();
        families.marks(child.pupilId(), "/", weekOf(2));
        String number = holidays.notice(holidays.approved(child, 3, "A week's holiday refused in advance", sam()), 0).number();
        String laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), family.school().laCode());

        var answer = pack(laOfficer, child.upn());

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        String first = firstPage(answer.getBody());
        assertThat(first).contains("Evidence pack: school attendance", "What is missing from this pack",
                "All letters to the parents: No letter to the parents is on record",
                "Notes of meetings with the parents: No meeting with the parents or home visit is recorded on the case",
                "Support offered and its outcome: No support plan, contract or other support is recorded",
                "The notice history: How and when notice " + number + " was served is not recorded",
                "Missing: the date of birth of Jo Parent");
        assertThat(first).doesNotContain("Nothing is missing from this pack");
        assertThat(first).containsPattern("The attendance record Included");

        String all = text(answer.getBody());
        assertThat(all).contains("1. The pupil and the parents", "Sam Parent", "1 May 1985",
                "1 High Street, Northtown, NT1 1AA", "2. The attendance record", "G", "Unauthorised absence",
                "Penalty notice " + number + " to Sam Parent", "£80.00 if paid within 21 days of receipt",
                "A term-time holiday", "A week's holiday refused in advance", "8. The case's timeline",
                "Penalty notice requested from the LA", "9. Certificate of the attendance record",
                "Education Act 1996, section 566", "Signed (headteacher)");
        assertThat(all).doesNotContain("TERM_TIME_HOLIDAY", "NOT_IMPROVED", "ISSUED", "FIRST_CLASS_POST")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void aCompleteFileSaysNothingIsMissingAndListsEachLetterMeetingAndPayment() throws IOException {
        var family = families.family(1);
        var child = family.child();
        letters.issue(new LetterRequest("pack-test-" + child.upn(), "below-95-percent", child.caseId(), child.pupilId(),
                Map.of("attendancePercent", "88.5", "contactName", "Ms Reed", "contactPhone", "01234 567890")));
        cases.addEvent(child.caseId(), CaseEventKind.TASK, "Completed: Hold a meeting with the parents",
                "{\"attendees\":\"Sam Parent, Ms Reed\",\"actions\":\"Walk to school together each morning\"}", "officer.test");
        cases.addEvent(child.caseId(), CaseEventKind.TASK, "Completed: Agree a support plan", "{}", "officer.test");
        cases.addEvent(child.caseId(), CaseEventKind.TASK, "Completed: Review the support plan", "{}", "officer.test");
        var approved = holidays.approved(child, 3, null, sam(), jo());
        for (var parent : approved.parents()) {
            notices.serve(parent.noticeId(), ServiceMethod.FIRST_CLASS_POST, LegalEngine.today(), "la.test");
        }
        String samsNotice = holidays.notice(approved, 0).number();
        notices.recordPayment(samsNotice, new java.math.BigDecimal("80.00"), LegalEngine.today(), "BANK-77", "la.test");
        String school = fixtures.user(Role.HEADTEACHER, Set.of(family.school().urn()), null);

        byte[] pdf = pack(school, child.upn()).getBody();

        String first = firstPage(pdf);
        assertThat(first).contains("Nothing is missing from this pack").doesNotContain("What is missing", "Missing");
        String all = text(pdf);
        assertThat(all).contains("'s attendance at", "Sam Parent: on paper, printed to post or hand over", "Hold a meeting with the parents",
                "Walk to school together each morning", "Agree a support plan", "Review the support plan",
                "£80.00 paid on", "reference BANK-77", "Jo Parent", "12 September 1987", "Posted first class");
    }

    @Test
    void staffAreNamedByTheirNamesNeverByTheUsernamesTheySignInWith() throws IOException {
        var family = families.family(1);
        var child = family.child();
        String officer = "jbarker." + child.upn().toLowerCase();
        String laOfficer = "pevans." + child.upn().toLowerCase();
        users.save(new UserAdministration.NewUser(officer, PASSWORD, "Jo Barker", Set.of(Role.ATTENDANCE_OFFICER),
                Set.of(family.school().urn()), null));
        users.save(new UserAdministration.NewUser(laOfficer, PASSWORD, "Priya Evans", Set.of(Role.LA_OFFICER),
                Set.of(), family.school().laCode()));
        cases.addEvent(child.caseId(), CaseEventKind.TASK, "Completed: Hold a meeting with the parents",
                "{\"attendees\":\"Sam Parent, Jo Barker\"}", officer);
        var approved = holidays.approved(child, 3, "A week's holiday refused in advance", officer, laOfficer, sam());
        notices.serve(approved.parents().get(0).noticeId(), ServiceMethod.FIRST_CLASS_POST, LegalEngine.today(), laOfficer);
        String number = holidays.notice(approved, 0).number();
        notices.recordPayment(number, new java.math.BigDecimal("30.00"), LegalEngine.today(), "BANK-9", laOfficer);

        String all = text(pack(laOfficer, child.upn()).getBody());

        assertThat(all).contains("by Priya Evans, from the records held in Open Attendance",
                "Recorded by Jo Barker", "(recorded by Priya Evans)", "(Priya Evans, ",
                "Penalty notice requested from the LA");
        assertThat(all).containsPattern("Issued \\d{1,2} \\w+ \\d{4} by Priya Evans")
                .containsPattern("· Jo Barker").containsPattern("· Priya Evans");
        assertThat(all).doesNotContain(officer, laOfficer);
    }

    @Test
    void onlyThePupilsSchoolAndLaHaveThePackAndEachIsAudited() {
        var school = fixtures.school(fixtures.newLaCode());
        String socialWorker = fixtures.user(Role.SOCIAL_WORKER, Set.of(), school.laCode());
        String virtualSchool = fixtures.user(Role.VIRTUAL_SCHOOL_HEAD, Set.of(), school.laCode());
        String upn = fixtures.newUpn();
        schools.savePupils(school.urn(), java.util.List.of(new SchoolAdministration.PupilData(upn, "Robin", "Looked",
                java.time.LocalDate.of(2015, 4, 4), 6, org.openattendance.shared.AcademicYear.containing(Fixtures.today())
                .previous().firstDay(), Set.of(Cohort.LOOKED_AFTER), socialWorker,
                java.util.List.of(LegalFixtures.parent("Sam Parent")))));
        String schoolOfficer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String laManager = fixtures.user(Role.MANAGER, Set.of(), school.laCode());
        String otherSchool = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(fixtures.school(school.laCode()).urn()), null);
        String otherLa = fixtures.user(Role.LA_OFFICER, Set.of(), fixtures.school(fixtures.newLaCode()).laCode());

        assertThat(pack(schoolOfficer, upn).getStatusCode().value()).isEqualTo(200);
        assertThat(pack(laManager, upn).getStatusCode().value()).isEqualTo(200);
        assertThat(pack(otherSchool, upn).getStatusCode().value()).isEqualTo(404);
        assertThat(pack(otherLa, upn).getStatusCode().value()).isEqualTo(404);
        // They may see the pupil, but the pack is the school's and the LA's.
        assertThat(pack(socialWorker, upn).getStatusCode().value()).isEqualTo(404);
        assertThat(pack(virtualSchool, upn).getStatusCode().value()).isEqualTo(404);

        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and subject_type = "
                + "'evidence-pack' and pupil_upn = ? and outcome = 'ALLOWED'", Integer.class, schoolOfficer, upn))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from audit_event where username = ? and subject_type = "
                + "'evidence-pack'", String.class, laManager)).contains("missing: The attendance record",
                "All letters to the parents");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username in (?, ?) and outcome = 'REFUSED'"
                + " and subject_type = 'evidence-pack' and pupil_upn = ?", Integer.class, socialWorker, virtualSchool, upn))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username in (?, ?) and outcome = 'REFUSED'"
                + " and pupil_upn = ?", Integer.class, otherSchool, otherLa, upn)).isEqualTo(2);
    }
}
