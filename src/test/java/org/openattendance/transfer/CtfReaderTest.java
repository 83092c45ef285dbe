package org.openattendance.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openattendance.register.RegisterQueries;
import org.openattendance.shared.Session;

/**
 * The file as the DfE's CTF specification (CTF 25.0) lays it out, as another school's MIS writes it: session marks
 * under {@code Attendance/YearData/AttendSessions}, two a day for every calendar day, '#' for days the school was closed.
 * All names, schools and places are made up.
 */
class CtfReaderTest {

    private static final String FILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CTfile>
              <Header>
                <DocumentName>Common Transfer File</DocumentName>
                <CTFversion>25.0</CTFversion>
                <DateTime>2025-10-03T09:15:00</DateTime>
                <DocumentQualifier>full</DocumentQualifier>
                <SupplierID>Made-up MIS</SupplierID>
                <SourceSchool><LEA>999</LEA><Estab>3001</Estab><URN>999001</URN><SchoolName>Fenwick Primary (made up)</SchoolName><AcademicYear>2025</AcademicYear></SourceSchool>
                <DestSchool><LEA>998</LEA><Estab>2002</Estab></DestSchool>
              </Header>
              <CTFpupilData>
                <Pupil>
                  <UPN>A999300125001</UPN>
                  <Surname>Reed</Surname>
                  <Forename>Jo</Forename>
                  <DOB>2016-09-30</DOB>
                  <Gender>M</Gender>
                  <BasicDetails><NCyearActual>R</NCyearActual></BasicDetails>
                  <Address>
                    <BS7666Address><PAON>12</PAON><Street>Mill Lane</Street><Town>Southtown</Town><UniquePropertyReferenceNumber>999000111</UniquePropertyReferenceNumber></BS7666Address>
                    <PostCode>ZZ2 2ZZ</PostCode>
                  </Address>
                  <Contacts>
                    <Contact><Order>1</Order><Surname>Reed</Surname><Forename>Kim</Forename><Relationship>MOT</Relationship>
                      <Responsibility>1</Responsibility><Address><AddressAsPupil>true</AddressAsPupil></Address></Contact>
                  </Contacts>
                  <Attendance>
                    <YearData>
                      <Year>2024</Year><LEA>997</LEA><Estab>2003</Estab><SchoolName>Hill Top Infants (made up)</SchoolName>
                      <SessionsPossible>4</SessionsPossible><SessionsAuthorised>1</SessionsAuthorised>
                      <SessionsAttended>2</SessionsAttended><SessionsUnauthorised>1</SessionsUnauthorised>
                    </YearData>
                    <YearData>
                      <Year>2025</Year><LEA>999</LEA><Estab>3001</Estab><SchoolName>Fenwick Primary (made up)</SchoolName>
                      <SessionsPossible>6</SessionsPossible><SessionsAuthorised>2</SessionsAuthorised>
                      <SessionsAttended>2</SessionsAttended><SessionsUnauthorised>2</SessionsUnauthorised>
                      <AttendSessions>
                        <AttendanceStartDate>2025-09-26</AttendanceStartDate>
                        <AttendanceMarks>/\\####C1G-N</AttendanceMarks>
                      </AttendSessions>
                    </YearData>
                  </Attendance>
                </Pupil>
              </CTFpupilData>
            </CTfile>
            """;

    @Test
    void readsTheSpecificationsStructure() {
        CtfFile file = CtfReader.read(CtfXml.parse(FILE.getBytes(StandardCharsets.UTF_8)));

        assertThat(file.header().version()).isEqualTo("25.0");
        assertThat(file.header().source().describe()).isEqualTo("Fenwick Primary (made up) (URN 999001)");
        assertThat(file.header().destination().la() + "/" + file.header().destination().estab()).isEqualTo("998/2002");
        CtfFile.Pupil pupil = file.pupils().get(0);
        assertThat(pupil.problems()).isEmpty();
        assertThat(pupil.sex()).isEqualTo("M");
        assertThat(pupil.yearGroup()).isZero();
        assertThat(pupil.address()).isEqualTo("12, Mill Lane, Southtown, ZZ2 2ZZ");
        assertThat(pupil.contacts()).singleElement().satisfies(c -> {
            assertThat(c.relationship()).isEqualTo("Mother");
            assertThat(c.responsibility()).isTrue();
            assertThat(c.livesWithPupil()).isTrue();
            assertThat(c.address()).isEqualTo(pupil.address());
        });
        // a YearData without AttendSessions has counts only: no marks
        assertThat(pupil.attendance()).singleElement().satisfies(year -> {
            assertThat(year.setting().describe()).isEqualTo("Fenwick Primary (made up) (DfE 999/3001)");
            assertThat(year.startDate()).isEqualTo(LocalDate.of(2025, 9, 26));
            // Friday 26 September, the weekend closed, Monday C1 and G, Tuesday no mark in the morning, N
            assertThat(year.marks()).containsExactly(
                    new CtfFile.SessionMark(LocalDate.of(2025, 9, 26), Session.AM, "/"),
                    new CtfFile.SessionMark(LocalDate.of(2025, 9, 26), Session.PM, "\\"),
                    new CtfFile.SessionMark(LocalDate.of(2025, 9, 29), Session.AM, "C1"),
                    new CtfFile.SessionMark(LocalDate.of(2025, 9, 29), Session.PM, "G"),
                    new CtfFile.SessionMark(LocalDate.of(2025, 9, 30), Session.PM, "N"));
        });
    }

    @Test
    void marksOutsideTheSpecificationsAttendSessionsAreNotRead() {
        String notTheSpecification = FILE.replace("<AttendSessions>", "<SessionAttendance>")
                .replace("</AttendSessions>", "</SessionAttendance>");

        CtfFile file = CtfReader.read(CtfXml.parse(notTheSpecification.getBytes(StandardCharsets.UTF_8)));

        assertThat(file.pupils().get(0).attendance()).isEmpty();
    }

    @Test
    void theExportWritesEveryCalendarDayClosedDaysAsHashAndOpenSessionsWithoutAMarkAsDash() {
        LocalDate friday = LocalDate.of(2025, 9, 26);
        List<RegisterQueries.Mark> marks = List.of(mark(friday, Session.AM, "/"), mark(friday.plusDays(3), Session.PM, "C1"),
                mark(friday.plusDays(5), Session.AM, "Y1"));
        LocalDate closure = friday.plusDays(4);

        String text = CtfExport.marksString(friday, marks, (date, session) -> date.getDayOfWeek().getValue() <= 5
                && !date.equals(closure));

        assertThat(text).isEqualTo("/-" + "####" + "-C1" + "##" + "Y1");
        assertThat(CtfReader.marks(friday, text)).extracting(CtfFile.SessionMark::date, CtfFile.SessionMark::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(friday, "/"),
                        org.assertj.core.groups.Tuple.tuple(friday.plusDays(3), "C1"),
                        org.assertj.core.groups.Tuple.tuple(friday.plusDays(5), "Y1"));
    }

    private static RegisterQueries.Mark mark(LocalDate date, Session session, String code) {
        return new RegisterQueries.Mark(date, session, code, null, "test", null, "test", List.of());
    }
}
