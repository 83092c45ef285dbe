package org.openattendance.attendance;

import java.util.Collection;
import java.util.List;

import org.openattendance.attendance.calculator.AttendanceCalculator;
import org.openattendance.attendance.calculator.AttendancePolicy;
import org.openattendance.attendance.calculator.CodeCategory;
import org.openattendance.attendance.calculator.CodeClassification;
import org.openattendance.attendance.calculator.CodeTable;
import org.openattendance.attendance.calculator.SessionCalendar;
import org.openattendance.register.AttendanceCodes;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.AcademicYear;
import org.springframework.stereotype.Component;

/** Builds the pure calculator's inputs from the register's code table, the policy settings and school calendars. */
@Component
class CalculatorSetup {

    private final AttendanceCalculator calculator;
    private final SchoolCalendars calendars;

    CalculatorSetup(AttendanceCodes codes, AttendanceSettings settings, SchoolCalendars calendars) {
        CodeTable table = CodeTable.of(codes.all().stream().map(code -> new CodeClassification(code.code(),
                CodeCategory.valueOf(code.category()), code.countsAsPossible(), code.countsAsAttended(),
                code.countsTowardPenaltyThreshold())).toList());
        var policy = new AttendancePolicy(settings.penaltyThresholdCodes(),
                AttendancePolicy.DEFAULT.unexplainedCodes(), AttendancePolicy.DEFAULT.illnessCodes());
        this.calculator = new AttendanceCalculator(table, policy);
        this.calendars = calendars;
    }

    AttendanceCalculator calculator() {
        return calculator;
    }

    /**
     * The school's open sessions in the given academic year and the one before it: the rolling window of 10
     * school weeks reaches back across the summer holiday early in the autumn term.
     */
    SessionCalendar calendarFor(String schoolUrn, AcademicYear year) {
        return toSessionCalendar(calendars.forYears(schoolUrn, List.of(year.previous(), year)));
    }

    static SessionCalendar toSessionCalendar(SchoolCalendar calendar) {
        var builder = SessionCalendar.builder();
        calendar.terms().forEach(term -> builder.term(term.start(), term.end()));
        for (SchoolCalendar.Closure closure : calendar.closures()) {
            if (closure.session() == null) {
                builder.closure(closure.date());
            } else {
                builder.closure(closure.date(), closure.session());
            }
        }
        return builder.build();
    }

    static List<org.openattendance.attendance.calculator.Mark> marks(Collection<org.openattendance.register.RegisterQueries.PupilMark> marks) {
        return marks.stream().map(m -> new org.openattendance.attendance.calculator.Mark(m.date(), m.session(), m.code())).toList();
    }
}
