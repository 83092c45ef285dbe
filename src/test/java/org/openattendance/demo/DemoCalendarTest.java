package org.openattendance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openattendance.school.SchoolAdministration.CalendarData;
import org.openattendance.school.SchoolAdministration.ClosureData;
import org.openattendance.school.SchoolAdministration.TermData;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;

class DemoCalendarTest {

    static IntStream years() {
        return IntStream.rangeClosed(2018, 2040);
    }

    @ParameterizedTest
    @MethodSource("years")
    void setsSixHalfTermsOfAbout190SchoolDaysInTheAcademicYear(int startYear) {
        var year = new AcademicYear(startYear);
        CalendarData calendar = DemoCalendar.forYear(year, true);

        assertThat(calendar.terms()).hasSize(6);
        TermData first = calendar.terms().get(0);
        assertThat(first.start().getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(first.start()).isBetween(LocalDate.of(startYear, 9, 1), LocalDate.of(startYear, 9, 7));
        assertThat(calendar.terms().get(1).end()).isBetween(LocalDate.of(startYear, 12, 18), LocalDate.of(startYear, 12, 20));
        assertThat(calendar.terms().get(5).end()).isBetween(LocalDate.of(startYear + 1, 7, 20), LocalDate.of(startYear + 1, 7, 22));
        for (int i = 0; i < 6; i++) {
            TermData term = calendar.terms().get(i);
            assertThat(term.start()).isBeforeOrEqualTo(term.end());
            assertThat(year.contains(term.start()) && year.contains(term.end())).isTrue();
            if (i > 0) {
                // a holiday of at least a week between half terms
                assertThat(term.start()).isAfter(calendar.terms().get(i - 1).end().plusDays(7));
            }
        }
        SchoolCalendar open = schoolCalendar(year, calendar);
        for (ClosureData closure : calendar.closures()) {
            assertThat(open.isInTerm(closure.date())).as(closure.toString()).isTrue();
            assertThat(closure.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        assertThat(calendar.closures().stream().filter(c -> c.reason().startsWith("INSET"))).hasSize(5);
        assertThat(calendar.closures().stream().filter(c -> c.session() == Session.PM)).hasSize(1);
        assertThat(open.openSessionKeys().size()).isBetween(370, 390);
    }

    private static SchoolCalendar schoolCalendar(AcademicYear year, CalendarData data) {
        return new SchoolCalendar(
                data.terms().stream().map(t -> new SchoolCalendar.Term(year, t.start(), t.end())).toList(),
                data.closures().stream().map(c -> new SchoolCalendar.Closure(year, c.date(), c.session(), c.reason())).toList());
    }
}
