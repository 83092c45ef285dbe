package org.openattendance.legal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Stage;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.CalendarData;
import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolAdministration.TermData;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.openattendance.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Families for the legal tests: a school of its own (open every weekday of this and last school year, as
 * {@link Fixtures#school} makes it), children with the same parents, an attendance case for each child, and
 * register marks written straight into the register.
 */
@Component
class LegalFixtures {

    static final LocalDate SAM_BORN = LocalDate.of(1985, 5, 1);
    static final LocalDate JO_BORN = LocalDate.of(1987, 9, 12);

    record Child(String upn, long pupilId, UUID caseId) {
    }

    record Family(Fixtures.TestSchool school, List<Child> children) {
        Child child() {
            return children.get(0);
        }
    }

    private final Fixtures fixtures;
    private final SchoolAdministration schools;
    private final CaseStore cases;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    LegalFixtures(Fixtures fixtures, SchoolAdministration schools, CaseStore cases, JdbcTemplate jdbc,
                  PlatformTransactionManager transactions) {
        this.fixtures = fixtures;
        this.schools = schools;
        this.cases = cases;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Children at one new school, each with Sam and Jo Parent (parental responsibility, living with them). */
    Family family(int children) {
        var school = fixtures.school(fixtures.newLaCode());
        return family(school, children, List.of(parent("Sam Parent"), parent("Jo Parent")));
    }

    Family family(Fixtures.TestSchool school, int count, List<ParentData> parents) {
        var children = new ArrayList<Child>();
        for (int i = 0; i < count; i++) {
            String upn = fixtures.newUpn();
            schools.savePupils(school.urn(), List.of(new PupilData(upn, "Child" + i, "Family" + upn.substring(9),
                    LocalDate.of(2016, 2, 3), 5, AcademicYear.containing(Fixtures.today()).previous().firstDay(),
                    Set.of(), null, parents)));
            long pupilId = jdbc.queryForObject("select id from pupil where upn = ?", Long.class, upn);
            UUID caseId = transaction.execute(status -> cases.openIfAbsent(pupilId, upn,
                    AcademicYear.containing(Fixtures.today()).toString(), school.urn(), school.laCode(), Stage.LETTER)
                    .orElseThrow());
            children.add(new Child(upn, pupilId, caseId));
        }
        return new Family(school, children);
    }

    /** A new school whose 2026-27 spring term breaks for half term from 15 to 19 February, or runs on without one. */
    Fixtures.TestSchool schoolIn2026To2027(boolean februaryHalfTerm) {
        var school = fixtures.school(fixtures.newLaCode());
        var terms = februaryHalfTerm
                ? List.of(new TermData(LocalDate.of(2026, 9, 2), LocalDate.of(2027, 2, 12)),
                          new TermData(LocalDate.of(2027, 2, 22), LocalDate.of(2027, 7, 21)))
                : List.of(new TermData(LocalDate.of(2026, 9, 2), LocalDate.of(2027, 7, 21)));
        schools.saveCalendar(school.urn(), new AcademicYear(2026), new CalendarData(terms, List.of()));
        return school;
    }

    static ParentData parent(String name) {
        return new ParentData(name, "Parent", true, true, null, null, "1 High Street, Northtown, NT1 1AA");
    }

    static RequestForm.ParentLine sam() {
        return new RequestForm.ParentLine("Sam Parent", "1 High Street, Northtown, NT1 1AA", SAM_BORN, null);
    }

    static RequestForm.ParentLine jo() {
        return new RequestForm.ParentLine("Jo Parent", "1 High Street, Northtown, NT1 1AA", JO_BORN, null);
    }

    /** Both sessions of each day with this code. */
    void marks(long pupilId, String code, List<LocalDate> days) {
        for (LocalDate day : days) {
            for (Session session : Session.values()) {
                jdbc.update("""
                        insert into session_mark (pupil_id, mark_date, session, code, recorded_by, recorded_at, source)
                        values (?, ?, ?, ?, 'test', ?, 'API')""", pupilId, Date.valueOf(day), session.name(), code,
                        Timestamp.from(Instant.now()));
            }
        }
    }

    /** The five weekdays of the week that began {@code weeksAgo} weeks before this week's Monday. */
    static List<LocalDate> weekOf(int weeksAgo) {
        LocalDate monday = Fixtures.today().with(DayOfWeek.MONDAY).minusWeeks(weeksAgo);
        return List.of(monday, monday.plusDays(1), monday.plusDays(2), monday.plusDays(3), monday.plusDays(4));
    }

    /** A term-time holiday request over a week of G sessions. */
    static RequestForm holiday(int weeksAgo, RequestForm.ParentLine... parents) {
        var week = weekOf(weeksAgo);
        return new RequestForm(RequestRoute.TERM_TIME_HOLIDAY, week.get(0), week.get(4), List.of(parents),
                "The family went on holiday after the headteacher refused leave.");
    }
}
