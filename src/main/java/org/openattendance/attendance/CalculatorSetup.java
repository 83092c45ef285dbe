package org.openattendance.attendance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openattendance.attendance.calculator.AttendanceCalculator;
import org.openattendance.attendance.calculator.AttendancePolicy;
import org.openattendance.attendance.calculator.CodeCategory;
import org.openattendance.attendance.calculator.CodeClassification;
import org.openattendance.attendance.calculator.CodeTable;
import org.openattendance.attendance.calculator.SessionCalendar;
import org.openattendance.register.AttendanceCodes;
import org.openattendance.register.OtherSettingMarks;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.AcademicYear;
import org.springframework.stereotype.Component;

/** Builds the pure calculator's inputs from the register's code table, the policy settings and school calendars. */
@Component
class CalculatorSetup {

    private final AttendanceCalculator calculator;
    private final SchoolCalendars calendars;

    /** How a code of the 2006 regulations is named in the calculator's code table, beside today's codes. */
    static final String PRE_2024 = "pre-2024 ";

    CalculatorSetup(AttendanceCodes codes, OtherSettingMarks otherSettings, AttendanceSettings settings,
                    SchoolCalendars calendars) {
        var rows = new ArrayList<CodeClassification>();
        codes.all().forEach(code -> rows.add(new CodeClassification(code.code(), CodeCategory.valueOf(code.category()),
                code.countsAsPossible(), code.countsAsAttended(), code.countsTowardPenaltyThreshold())));
        otherSettings.historicCodes().forEach(code -> rows.add(new CodeClassification(PRE_2024 + code.code(),
                CodeCategory.valueOf(code.category()), code.countsAsPossible(), code.countsAsAttended(),
                code.countsTowardPenaltyThreshold())));
        CodeTable table = CodeTable.of(rows);
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

    /**
     * Marks from another setting for the calculator. A code of the 2006 regulations counts toward the penalty
     * threshold when it is one of the policy's codes (G, N, O and U meant the same then); the others keep their
     * meaning then under their own names.
     */
    List<org.openattendance.attendance.calculator.Mark> otherSettingMarks(List<OtherSettingMarks.Mark> marks) {
        return marks.stream().map(m -> new org.openattendance.attendance.calculator.Mark(m.date(), m.session(),
                m.codeSet() == OtherSettingMarks.CodeSet.PRE_2024 && !calculator.policy().penaltyCodes().contains(m.code())
                        ? PRE_2024 + m.code() : m.code())).toList();
    }

    static List<org.openattendance.attendance.calculator.Mark> marks(Collection<org.openattendance.register.RegisterQueries.PupilMark> marks) {
        var converted = new ArrayList<org.openattendance.attendance.calculator.Mark>(marks.size());
        for (var m : marks) {
            converted.add(new org.openattendance.attendance.calculator.Mark(m.date(), m.session(), m.code()));
        }
        return converted;
    }
}
