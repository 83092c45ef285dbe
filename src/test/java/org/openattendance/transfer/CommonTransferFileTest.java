package org.openattendance.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.shared.AcademicYear;
import org.openattendance.support.Fixtures;
import org.openattendance.support.RegisterUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The Common Transfer File: a joining pupil's details, contacts, flags and marks from the previous setting (old codes
 * too); the penalty threshold across both schools; export and import again; and files that must be refused whole.
 */
@IntegrationTest
class CommonTransferFileTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures.TestSchool school;
    String officer;
    String upn;
    LocalDate joined;

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        upn = fixtures.newUpn();
        joined = Fixtures.weekdaysAgo(5);
    }

    @Test
    void importsAJoiningPupilWithContactsFlagsAndMarksFromAnotherSettingAndReportsWhatItCannotTake() throws IOException {
        // the previous school: two weeks before joining, present every weekday
        var result = importFile(sample(presentEveryWeekday(14)));

        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = result.getBody();
        assertThat(body).containsEntry("pupilsCreated", 1).containsEntry("version", "25.0")
                .containsEntry("sourceSchool", "Brookside Primary (made up) (URN 999999)").containsEntry("maxBytes", 1048576);
        assertThat(jdbc.queryForMap("select forename, surname, year_group, admission_date::text a from pupil where upn = ?", upn))
                .containsEntry("forename", "Robin").containsEntry("surname", "Quill").containsEntry("year_group", 4)
                .containsEntry("a", joined.toString());
        assertThat(jdbc.queryForList("select cohort from pupil_cohort c join pupil p on p.id = c.pupil_id where p.upn = ?",
                String.class, upn)).containsExactlyInAnyOrder("LOOKED_AFTER", "SEN_SUPPORT");
        assertThat(jdbc.queryForList("select name || '|' || relationship || '|' || parental_responsibility || '|' || lives_with_pupil"
                + " || '|' || coalesce(phone, '') || '|' || coalesce(address, '') from parent a join pupil p on p.id = a.pupil_id"
                + " where p.upn = ? order by a.id", String.class, upn)).containsExactly(
                "Ash Quill|Carer|true|true|07700 900123|7 Heron Close, Northtown, ZZ9 9ZZ",
                "Lee Marsh|Other relative|false|false||3 Kiln Row, ZZ1 1ZZ");
        // old codes kept with their code set; the 2024 codes in a 2024 file too
        assertThat(jdbc.queryForList("select code from other_setting_mark m join pupil p on p.id = m.pupil_id where p.upn = ?"
                + " and code_set = 'PRE_2024' order by mark_date, session", String.class, upn))
                .containsExactly("/", "\\", "H", "H", "J", "J", "B", "B", "/", "\\");
        assertThat(jdbc.queryForObject("select count(*) from other_setting_mark m join pupil p on p.id = m.pupil_id"
                + " where p.upn = ? and code_set = '2024'", Integer.class, upn)).isEqualTo(20);
        // each YearData names the school the marks were recorded at; the source school's own year is named as the header
        assertThat(jdbc.queryForList("select distinct code_set || '|' || setting from other_setting_mark m join pupil p"
                + " on p.id = m.pupil_id where p.upn = ? order by 1", String.class, upn)).containsExactly(
                "2024|Brookside Primary (made up) (URN 999999)", "PRE_2024|Old Mill Infants (made up) (DfE 998/2001)");
        assertThat(jdbc.queryForObject("select count(*) from session_mark m join pupil p on p.id = m.pupil_id where p.upn = ?",
                Integer.class, upn)).isZero();
        List<Map<String, Object>> rejected = rejected(body);
        assertThat(rejected).anySatisfy(r -> assertThat(r).containsEntry("upn", upn)
                .containsEntry("what", "the mark of 12 January 2024 AM").containsEntry("why",
                        "'K' was not an attendance code before 19 August 2024"));
        assertThat(rejected).anySatisfy(r -> assertThat(r.get("why").toString()).contains("'C1' was not an attendance code"));
        assertThat(rejected).anySatisfy(r -> assertThat(r).containsEntry("pupil", "Sky Fern")
                .containsEntry("why", "the date of birth (DOB) '2016-02-30' is not a date (YYYY-MM-DD)"));
        assertThat(jdbc.queryForObject("select count(*) from pupil where surname = 'Fern' and school_urn = ?",
                Integer.class, school.urn())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ctf_import where school_urn = ?", Integer.class, school.urn())).isOne();
    }

    @Test
    void thePreviousSchoolsGSessionsAndTheNewSchoolsUSessionsTogetherReachThePenaltyThreshold() throws IOException {
        // three days of holiday not agreed (G) in the previous school's last week: 6 sessions
        importFile(sample(previousSchoolWithHoliday()));
        String csv = "upn,date,session,code\n" + upn + "," + Fixtures.weekdaysAgo(4) + ",AM,U\n" + upn + ","
                + Fixtures.weekdaysAgo(4) + ",PM,U\n" + upn + "," + Fixtures.weekdaysAgo(2) + ",AM,U\n";
        postCsv(csv);
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(9).equals(snapshot().get("penalty_sessions")));
        assertThat(snapshot()).containsEntry("penalty_met", false);

        postCsv("upn,date,session,code\n" + upn + "," + Fixtures.weekdaysAgo(2) + ",PM,U\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(snapshot().get("penalty_met")));
        assertThat(snapshot()).containsEntry("penalty_sessions", 10).containsEntry("unauthorised", 4);
    }

    @Test
    void anExportedFileFollowsTheSpecificationReadsBackAndImportedAgainChangesNothing() throws Exception {
        importFile(sample(presentEveryWeekday(14)));
        LocalDate lastMark = Fixtures.weekdaysAgo(2);
        postCsv("upn,date,session,code\n" + upn + "," + joined + ",AM,/\n" + upn + "," + joined + ",PM,N\n"
                + upn + "," + Fixtures.weekdaysAgo(4) + ",AM,C1\n" + upn + "," + lastMark + ",AM,/\n");

        var export = http.withBasicAuth(officer, PASSWORD).getForEntity("/api/pupils/" + upn + "/ctf?destination=140001",
                byte[].class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
        assertThat(export.getHeaders().getContentDisposition().getFilename()).endsWith(upn + ".xml");
        Document xml = CtfXml.parse(export.getBody());
        // the header, in the specification's order; the destination's DfE number not known, its URN given
        assertThat(childNames(xml, "/CTfile")).containsExactly("Header", "CTFpupilData");
        assertThat(childNames(xml, "/CTfile/Header")).containsExactly("DocumentName", "CTFversion", "DateTime",
                "DocumentQualifier", "SupplierID", "SourceSchool", "DestSchool");
        assertThat(value(xml, "/CTfile/Header/DocumentName")).isEqualTo("Common Transfer File");
        assertThat(value(xml, "/CTfile/Header/CTFversion")).isEqualTo("25.0");
        assertThat(value(xml, "/CTfile/Header/DateTime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(childNames(xml, "/CTfile/Header/SourceSchool")).containsExactly("LEA", "URN", "SchoolName", "AcademicYear");
        assertThat(value(xml, "/CTfile/Header/SourceSchool/LEA")).isEqualTo(school.laCode());
        assertThat(value(xml, "/CTfile/Header/SourceSchool/AcademicYear")).matches("\\d{4}");
        assertThat(childNames(xml, "/CTfile/Header/DestSchool")).containsExactly("LEA", "Estab", "URN");
        assertThat(value(xml, "/CTfile/Header/DestSchool/LEA") + "/" + value(xml, "/CTfile/Header/DestSchool/Estab")
                + "/" + value(xml, "/CTfile/Header/DestSchool/URN")).isEqualTo("XXX/XXXX/140001");
        // the pupil, the address once with the contacts living there saying so, and one YearData with AttendSessions
        String pupilPath = "/CTfile/CTFpupilData/Pupil";
        assertThat(childNames(xml, pupilPath)).containsExactly("UPN", "Surname", "Forename", "DOB", "BasicDetails",
                "LookedAfter", "SENhistory", "Address", "Contacts", "Attendance");
        assertThat(value(xml, pupilPath + "/Address/AddressLines/AddressLine1") + "|"
                + value(xml, pupilPath + "/Address/AddressLines/AddressLine2") + "|" + value(xml, pupilPath + "/Address/PostCode"))
                .isEqualTo("7 Heron Close|Northtown|ZZ9 9ZZ");
        assertThat(childNames(xml, pupilPath + "/Contacts/Contact[1]")).containsExactly("Order", "Surname", "Forename",
                "Relationship", "Responsibility", "Address", "Phones", "Email");
        assertThat(value(xml, pupilPath + "/Contacts/Contact[1]/Address/AddressAsPupil")).isEqualTo("true");
        assertThat(value(xml, pupilPath + "/Contacts/Contact[2]/Address/PostCode")).isEqualTo("ZZ1 1ZZ");
        String yearData = pupilPath + "/Attendance/YearData";
        assertThat(childNames(xml, yearData)).containsExactly("Year", "LEA", "SchoolName", "SessionsPossible",
                "SessionsAuthorised", "SessionsAttended", "SessionsUnauthorised", "AttendSessions");
        // '/', N, C1 and '/': four possible, two attended, one authorised (C1), one unauthorised (N)
        assertThat(value(xml, yearData + "/SessionsPossible") + value(xml, yearData + "/SessionsAttended")
                + value(xml, yearData + "/SessionsAuthorised") + value(xml, yearData + "/SessionsUnauthorised"))
                .isEqualTo("4211");
        assertThat(value(xml, yearData + "/AttendSessions/AttendanceStartDate")).isEqualTo(joined.toString());
        assertThat(value(xml, yearData + "/AttendSessions/AttendanceMarks")).isEqualTo(expectedMarks(Map.of(
                joined + "AM", "/", joined + "PM", "N", Fixtures.weekdaysAgo(4) + "AM", "C1", lastMark + "AM", "/"), lastMark));

        CtfFile read = CtfReader.read(xml);
        assertThat(read.header().version()).isEqualTo("25.0");
        assertThat(read.header().source().urn()).isEqualTo(school.urn());
        assertThat(read.header().destination().urn()).isEqualTo("140001");
        CtfFile.Pupil pupil = read.pupils().get(0);
        assertThat(pupil.upn()).isEqualTo(upn);
        assertThat(pupil.name()).isEqualTo("Robin Quill");
        assertThat(pupil.dateOfBirth()).isEqualTo(LocalDate.of(2017, 5, 14));
        assertThat(pupil.yearGroup()).isEqualTo(4);
        assertThat(pupil.lookedAfter()).isTrue();
        assertThat(pupil.senProvision()).isEqualTo("K");
        assertThat(pupil.contacts()).extracting(CtfFile.Contact::surname, CtfFile.Contact::relationship,
                CtfFile.Contact::responsibility, CtfFile.Contact::phone, CtfFile.Contact::address,
                CtfFile.Contact::livesWithPupil).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Quill", "Carer", true, "07700 900123", "7 Heron Close, Northtown, ZZ9 9ZZ", true),
                org.assertj.core.groups.Tuple.tuple("Marsh", "Other relative", false, null, "3 Kiln Row, ZZ1 1ZZ", false));
        assertThat(pupil.attendance()).flatExtracting(CtfFile.Attendance::marks).containsExactly(
                new CtfFile.SessionMark(joined, org.openattendance.shared.Session.AM, "/"),
                new CtfFile.SessionMark(joined, org.openattendance.shared.Session.PM, "N"),
                new CtfFile.SessionMark(Fixtures.weekdaysAgo(4), org.openattendance.shared.Session.AM, "C1"),
                new CtfFile.SessionMark(lastMark, org.openattendance.shared.Session.AM, "/"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'READ_PUPIL'"
                + " and subject_id = ? and detail like 'Common Transfer File exported%'", Integer.class, officer, upn)).isOne();

        var again = importFile(new String(export.getBody(), StandardCharsets.UTF_8).replace("<URN>140001</URN>",
                "<URN>" + school.urn() + "</URN>"));

        assertThat(again.getBody()).containsEntry("pupilsCreated", 0).containsEntry("pupilsUpdated", 1)
                .containsEntry("marksStored", 0).containsEntry("marksUnchanged", 4);
        assertThat(rejected(again.getBody())).isEmpty();
    }

    @Test
    void theNextSchoolIsNamedByItsDfeNumberOrItsUrnOrTheFileSaysItIsNotKnown() throws Exception {
        importFile(sample(presentEveryWeekday(14)));

        Document byDfeNumber = CtfXml.parse(http.withBasicAuth(officer, PASSWORD)
                .getForEntity("/api/pupils/" + upn + "/ctf?destination=999/2001", byte[].class).getBody());
        Document notKnown = CtfXml.parse(http.withBasicAuth(officer, PASSWORD)
                .getForEntity("/api/pupils/" + upn + "/ctf", byte[].class).getBody());
        var bad = http.withBasicAuth(officer, PASSWORD).getForEntity("/api/pupils/" + upn + "/ctf?destination=14",
                String.class);

        assertThat(childNames(byDfeNumber, "/CTfile/Header/DestSchool")).containsExactly("LEA", "Estab");
        assertThat(value(byDfeNumber, "/CTfile/Header/DestSchool/LEA") + value(byDfeNumber, "/CTfile/Header/DestSchool/Estab"))
                .isEqualTo("9992001");
        assertThat(value(notKnown, "/CTfile/Header/DestSchool/LEA") + value(notKnown, "/CTfile/Header/DestSchool/Estab"))
                .isEqualTo("XXXXXXX");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("neither a URN (6 digits) nor a DfE number");
    }

    @Test
    void onlyTheSchoolsOwnStaffExportAndOutsideTheirScopeThePupilIsNotFound() throws IOException {
        importFile(sample(presentEveryWeekday(14)));
        String laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), school.laCode());
        var other = fixtures.school(school.laCode());
        String otherOfficer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(other.urn()), null);

        assertThat(http.withBasicAuth(laOfficer, PASSWORD).getForEntity("/api/pupils/" + upn + "/ctf", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(otherOfficer, PASSWORD).getForEntity("/api/pupils/" + upn + "/ctf", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(otherOfficer, school.urn(), sample(presentEveryWeekday(14))).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void externalEntitiesAreRefusedAndNothingIsStored() throws IOException {
        String xxe = sample(presentEveryWeekday(14)).replaceFirst("<CTfile>",
                "<!DOCTYPE CTfile [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<CTfile>")
                .replace("<Surname>Quill</Surname>", "<Surname>&secret;</Surname>");
        assertRefusedWithNothingStored(xxe, "document type declaration");
    }

    @Test
    void entityExpansionIsRefusedAndNothingIsStored() throws IOException {
        String laughs = sample(presentEveryWeekday(14)).replaceFirst("<CTfile>", """
                <!DOCTYPE CTfile [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                ]>
                <CTfile>""").replace("<Forename>Robin</Forename>", "<Forename>&lol9;</Forename>");
        assertRefusedWithNothingStored(laughs, "document type declaration");
    }

    @Test
    void anExternalDtdOrParameterEntityIsRefusedAndNothingIsStored() throws IOException {
        assertRefusedWithNothingStored(sample(presentEveryWeekday(14)).replaceFirst("<CTfile>",
                "<!DOCTYPE CTfile SYSTEM \"http://127.0.0.1:9/ctf.dtd\">\n<CTfile>"), "document type declaration");
        assertRefusedWithNothingStored(sample(presentEveryWeekday(14)).replaceFirst("<CTfile>",
                "<!DOCTYPE CTfile [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;]>\n<CTfile>"),
                "document type declaration");
    }

    @Test
    void aFileThatIsNotACtfOrTooLargeOrForAnotherSchoolIsRefusedWhole() throws IOException {
        assertRefusedWithNothingStored("<CTfile><Header>", "not well-formed XML");
        assertRefusedWithNothingStored("<Register><Pupil/></Register>", "root element is <Register>");
        assertRefusedWithNothingStored(sample(presentEveryWeekday(14)).replace("<URN>" + school.urn() + "</URN>",
                "<URN>100001</URN>"), "addressed to the school with URN 100001");
        assertRefusedWithNothingStored(sample(presentEveryWeekday(14)).replace("<URN>" + school.urn() + "</URN>", "")
                .replace("<LEA>" + school.laCode() + "</LEA>", "<LEA>998</LEA>"), "addressed to a school in local authority 998");

        var tooLarge = post(officer, school.urn(), sample(presentEveryWeekday(14))
                .replace("</CTfile>", "<!--" + "x".repeat(1_100_000) + "--></CTfile>"));

        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(tooLarge.getBody().get("error").toString()).contains("1048576 bytes");
        assertNothingStored();
    }

    private void assertRefusedWithNothingStored(String xml, String reason) {
        var response = post(officer, school.urn(), xml);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("error").toString()).contains(reason);
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(jdbc.queryForObject("select count(*) from pupil where upn = ?", Integer.class, upn)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ctf_import where school_urn = ?", Integer.class, school.urn())).isZero();
    }

    private String sample(String marks) throws IOException {
        String template = new ClassPathResource("ctf/joining-pupils.xml").getContentAsString(StandardCharsets.UTF_8);
        LocalDate start = joined.minusDays(14);
        return template.replace("{{UPN}}", upn).replace("{{DEST_URN}}", school.urn()).replace("{{DEST_LA}}", school.laCode())
                .replace("{{START}}", start.toString())
                .replace("{{YEAR}}", String.valueOf(AcademicYear.containing(start).startYear())).replace("{{MARKS}}", marks);
    }

    /** Two marks a day for the 14 days before joining: present on weekdays, '#' (school closed) at weekends. */
    private String presentEveryWeekday(int days) {
        var marks = new StringBuilder();
        for (int i = 0; i < days; i++) {
            LocalDate day = joined.minusDays(14).plusDays(i);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            marks.append(weekend ? "##" : "/\\");
        }
        return marks.toString();
    }

    /** As above, with G for the last three weekdays before joining. */
    private String previousSchoolWithHoliday() {
        var marks = new StringBuilder();
        int weekdaysLeft = 0;
        for (int i = 13; i >= 0; i--) {
            LocalDate day = joined.minusDays(14).plusDays(i);
            if (day.getDayOfWeek().getValue() <= 5) {
                weekdaysLeft++;
            }
        }
        int seen = 0;
        for (int i = 0; i < 14; i++) {
            LocalDate day = joined.minusDays(14).plusDays(i);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend) {
                marks.append("##");
            } else {
                seen++;
                marks.append(seen > weekdaysLeft - 3 ? "GG" : "/\\");
            }
        }
        return marks.toString();
    }

    /** The marks string the specification asks for from the joining day to the last mark: '#' when closed, '-' when unmarked. */
    private String expectedMarks(Map<String, String> marks, LocalDate last) {
        var text = new StringBuilder();
        for (LocalDate day = joined; !day.isAfter(last); day = day.plusDays(1)) {
            boolean closed = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                    || day.equals(Fixtures.closedDay());
            for (String session : List.of("AM", "PM")) {
                if (!day.equals(last) || session.equals("AM")) {
                    text.append(marks.getOrDefault(day + session, closed ? "#" : "-"));
                }
            }
        }
        return text.toString();
    }

    private static List<String> childNames(Document xml, String path) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path + "/*", xml, XPathConstants.NODESET);
        var names = new java.util.ArrayList<String>();
        for (int i = 0; i < nodes.getLength(); i++) {
            names.add(nodes.item(i).getNodeName());
        }
        return names;
    }

    private static String value(Document xml, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, xml);
    }

    private ResponseEntity<Map<String, Object>> importFile(String xml) {
        var response = post(officer, school.urn(), xml);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
        return response;
    }

    private ResponseEntity<Map<String, Object>> post(String user, String urn, String xml) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return http.withBasicAuth(user, PASSWORD).exchange("/api/schools/" + urn + "/ctf?admissionDate=" + joined,
                HttpMethod.POST, new HttpEntity<>(xml.getBytes(StandardCharsets.UTF_8), headers),
                new ParameterizedTypeReference<>() { });
    }

    private void postCsv(String csv) {
        RegisterUploads.load(http, officer, school.urn(), csv);
    }

    private Map<String, Object> snapshot() {
        var rows = jdbc.queryForList("select s.* from attendance_snapshot s join pupil p on p.id = s.pupil_id where p.upn = ?"
                + " and s.academic_year = ?", upn, AcademicYear.containing(Fixtures.today()).toString());
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rejected(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("rejected");
    }
}
