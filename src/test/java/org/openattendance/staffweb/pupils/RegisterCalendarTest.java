package org.openattendance.staffweb.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openattendance.register.AttendanceCode;
import org.openattendance.register.RegisterQueries;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;

/** The register calendar and chart of the pupil page, without Spring. */
class RegisterCalendarTest {

    static final AcademicYear YEAR = new AcademicYear(2026);
    // Term from Thursday 3 September; Monday 7 September closed all day; half term 26-30 October.
    static final SchoolCalendar CALENDAR = new SchoolCalendar(List.of(
            new SchoolCalendar.Term(YEAR, LocalDate.of(2026, 9, 3), LocalDate.of(2026, 10, 23)),
            new SchoolCalendar.Term(YEAR, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 18))),
            List.of(new SchoolCalendar.Closure(YEAR, LocalDate.of(2026, 9, 7), null, "INSET day")));
    static final Map<String, AttendanceCode> CODES = Map.of(
            "/", new AttendanceCode("/", "PRESENT", true, true, false, "Present at morning registration"),
            "N", new AttendanceCode("N", "UNAUTHORISED", true, false, true, "Reason not yet established"),
            "I", new AttendanceCode("I", "AUTHORISED", true, false, false, "Illness"),
            "X", new AttendanceCode("X", "NOT_COUNTED", false, false, false, "Not required to attend"));

    @Test
    void cellsSayWhatEachSessionIsAndWeeksOutsideTermAreLeftOut() {
        var marks = List.of(mark(3, Session.AM, "/"), mark(3, Session.PM, "N"), mark(4, Session.AM, "X"),
                amended(8, Session.AM, "I"));
        var calendar = RegisterCalendar.of(YEAR, CALENDAR, marks, code -> Optional.ofNullable(CODES.get(code)),
                LocalDate.of(2026, 9, 1), null, LocalDate.of(2026, 11, 4));

        var weeks = calendar.weeks();
        assertThat(weeks).extracting(RegisterCalendar.Week::monday).contains(LocalDate.of(2026, 8, 31),
                LocalDate.of(2026, 11, 2)).doesNotContain(LocalDate.of(2026, 10, 26));
        var first = weeks.get(0).cells();
        assertThat(first.get(0).kind()).isEqualTo(RegisterCalendar.Kind.NOT_REQUIRED);   // Mon 31 Aug: another year
        assertThat(first.get(2).description()).isEqualTo("School closed");               // Tue 1 Sep: before term
        assertThat(first.get(6)).satisfies(c -> {                                         // Thu 3 Sep AM
            assertThat(c.text()).isEqualTo("/");
            assertThat(c.kind()).isEqualTo(RegisterCalendar.Kind.PRESENT);
            assertThat(c.description()).isEqualTo("Present or approved educational activity: /, Present at morning registration");
        });
        assertThat(first.get(7).kind()).isEqualTo(RegisterCalendar.Kind.UNAUTHORISED);
        assertThat(first.get(8).kind()).isEqualTo(RegisterCalendar.Kind.NOT_COUNTED);
        assertThat(first.get(9).kind()).isEqualTo(RegisterCalendar.Kind.MISSING);         // Fri 4 Sep PM: no mark
        var second = weeks.get(1).cells();
        assertThat(second.get(0).description()).isEqualTo("School closed");               // the INSET day
        assertThat(second.get(2)).satisfies(c -> {                                        // Tue 8 Sep AM, amended
            assertThat(c.kind()).isEqualTo(RegisterCalendar.Kind.AUTHORISED);
            assertThat(c.amended()).isTrue();
        });
        var last = weeks.get(weeks.size() - 1);
        assertThat(last.monday()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(last.cells().get(4).kind()).isEqualTo(RegisterCalendar.Kind.MISSING);  // Wed 4 Nov: today
        assertThat(last.cells().get(6).kind()).isEqualTo(RegisterCalendar.Kind.FUTURE);   // Thu 5 Nov
        // Cumulative: 1 attended of 3 possible (X is not possible).
        assertThat(weeks.get(0).percentToDate()).isEqualByComparingTo("50.0");
        assertThat(last.possibleToDate()).isEqualTo(3);
        assertThat(last.percentToDate()).isEqualByComparingTo(new BigDecimal("33.3"));
    }

    @Test
    void daysOffRollNeedNoMarkAndTheChartHasAPointPerWeekWithFigures() {
        var calendar = RegisterCalendar.of(YEAR, CALENDAR, List.of(mark(10, Session.AM, "/")),
                code -> Optional.ofNullable(CODES.get(code)), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 18),
                LocalDate.of(2026, 9, 30));
        var second = calendar.weeks().get(1).cells();
        assertThat(second.get(4).description()).isEqualTo("Not on roll");                // Wed 9 Sep
        assertThat(second.get(7).kind()).isEqualTo(RegisterCalendar.Kind.MISSING);        // Thu 10 Sep PM
        assertThat(calendar.weeks().get(3).cells().get(0).description()).isEqualTo("Not on roll"); // 21 Sep: left

        var chart = AttendanceChart.of(calendar.weeks());
        assertThat(chart.points()).hasSize(calendar.weeks().size() - 1);                  // none before 10 Sep
        assertThat(chart.points()).allSatisfy(p -> assertThat(p.percent()).isEqualByComparingTo("100.0"));
        assertThat(chart.grid()).anySatisfy(g -> assertThat(g.threshold()).isTrue());
        assertThat(chart.xLabels().get(0).anchor()).isEqualTo("start");
    }

    private static RegisterQueries.Mark mark(int september, Session session, String code) {
        int month = september > 30 ? 10 : 9;
        return new RegisterQueries.Mark(LocalDate.of(2026, month, september), session, code, null, "officer",
                Instant.EPOCH, "UPLOAD", List.of());
    }

    private static RegisterQueries.Mark amended(int september, Session session, String code) {
        return new RegisterQueries.Mark(LocalDate.of(2026, 9, september), session, code, null, "officer", Instant.EPOCH,
                "UPLOAD", List.of(new RegisterQueries.Amendment("N", code, null, null, "Flu", Instant.EPOCH, "officer",
                "ATTENDANCE_OFFICER", "UPLOAD")));
    }
}
