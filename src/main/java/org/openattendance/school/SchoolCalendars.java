package org.openattendance.school;

import java.sql.Date;
import java.util.Collection;
import java.util.List;

import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Term dates and closures, per school and academic year. */
@Repository
public class SchoolCalendars {

    private final JdbcTemplate jdbc;

    SchoolCalendars(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The calendar for the given years (missing years simply add no school days). */
    @Transactional(readOnly = true)
    public SchoolCalendar forYears(String urn, Collection<AcademicYear> years) {
        var keys = years.stream().map(AcademicYear::toString).toArray(String[]::new);
        List<SchoolCalendar.Term> terms = jdbc.query(
                "select academic_year, start_date, end_date from school_term where school_urn = ? and academic_year = any(?) order by start_date",
                (rs, i) -> new SchoolCalendar.Term(AcademicYear.parse(rs.getString(1)), rs.getDate(2).toLocalDate(),
                        rs.getDate(3).toLocalDate()), urn, keys);
        List<SchoolCalendar.Closure> closures = jdbc.query(
                "select academic_year, closure_date, session, reason from school_closure where school_urn = ? and academic_year = any(?) order by closure_date",
                (rs, i) -> new SchoolCalendar.Closure(AcademicYear.parse(rs.getString(1)), rs.getDate(2).toLocalDate(),
                        rs.getString(3) == null ? null : Session.valueOf(rs.getString(3)), rs.getString(4)), urn, keys);
        return new SchoolCalendar(terms, closures);
    }

    /** Every academic year for which the school has a calendar. */
    @Transactional(readOnly = true)
    public List<AcademicYear> yearsWithCalendar(String urn) {
        return jdbc.queryForList("select distinct academic_year from school_term where school_urn = ? order by 1",
                String.class, urn).stream().map(AcademicYear::parse).toList();
    }

    public boolean hasCalendar(String urn, AcademicYear year) {
        Integer count = jdbc.queryForObject("select count(*) from school_term where school_urn = ? and academic_year = ?",
                Integer.class, urn, year.toString());
        return count != null && count > 0;
    }

    /** Replaces the school's calendar for one academic year. */
    @Transactional
    public void replace(String urn, AcademicYear year, SchoolCalendar calendar) {
        jdbc.update("delete from school_term where school_urn = ? and academic_year = ?", urn, year.toString());
        jdbc.update("delete from school_closure where school_urn = ? and academic_year = ?", urn, year.toString());
        for (var term : calendar.terms()) {
            jdbc.update("insert into school_term (school_urn, academic_year, start_date, end_date) values (?, ?, ?, ?)",
                    urn, year.toString(), Date.valueOf(term.start()), Date.valueOf(term.end()));
        }
        for (var closure : calendar.closures()) {
            jdbc.update("insert into school_closure (school_urn, academic_year, closure_date, session, reason) values (?, ?, ?, ?, ?)",
                    urn, year.toString(), Date.valueOf(closure.date()),
                    closure.session() == null ? null : closure.session().name(), closure.reason());
        }
    }
}
