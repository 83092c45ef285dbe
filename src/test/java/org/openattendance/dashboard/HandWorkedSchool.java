package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openattendance.school.Cohort;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.security.Role;
import org.openattendance.shared.AcademicYear;
import org.openattendance.support.Fixtures;
import org.openattendance.support.RegisterUploads;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The small fixed data set whose figures the tests work out by hand: two school weeks (days d1 to d10, Monday to
 * Friday twice) in the previous academic year, at school A, five pupils:
 *
 * <pre>
 * P1 year 3            all 20 sessions present, one of them L (late before the register closed)
 * P2 year 3, FSM       I on d2 AM, U on d7 AM (late after the register closed): 2 of 20 absent, exactly 10 %
 * P3 year 5, FSM, SEN  M all of d1 and d2, O all of d8, d9 and d10: 10 of 20 absent, exactly 50 %
 * P4 year 5, looked after, joined on d6: 10 possible sessions, G on d8 PM: 1 of 10 absent, 10 % of their own
 * P5 year 5            I on d1 AM, Y2 (not counted) all of d4: 1 of 18 absent
 * </pre>
 * and at school B of the same LA one pupil, Q1 year 3, O on both sessions of d5: 2 of 20 absent.
 */
final class HandWorkedSchool {

    final Fixtures.TestSchool schoolA;
    final Fixtures.TestSchool schoolB;
    final List<LocalDate> days = new ArrayList<>();
    final AcademicYear year;
    final String officerA;
    final String officerB;
    final String p1;
    final String p2;
    final String p3;
    final String p4;
    final String p5;
    final String q1;

    HandWorkedSchool(Fixtures fixtures, SchoolAdministration schools, TestRestTemplate http) {
        year = AcademicYear.containing(Fixtures.today()).previous();
        LocalDate monday = year.firstDay().plusDays(1);
        while (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            monday = monday.plusDays(1);
        }
        for (int week = 0; week < 2; week++) {
            for (int day = 0; day < 5; day++) {
                days.add(monday.plusWeeks(week).plusDays(day));
            }
        }
        String la = fixtures.newLaCode();
        schoolA = fixtures.school(la);
        schoolB = fixtures.school(la);
        officerA = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(schoolA.urn()), null);
        officerB = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(schoolB.urn()), null);
        p1 = pupil(fixtures, schools, schoolA, "Pat", 3, Set.of(), year.firstDay());
        p2 = pupil(fixtures, schools, schoolA, "Sam", 3, Set.of(Cohort.FSM), year.firstDay());
        p3 = pupil(fixtures, schools, schoolA, "Kai", 5, Set.of(Cohort.FSM, Cohort.SEN_SUPPORT), year.firstDay());
        p4 = pupil(fixtures, schools, schoolA, "Ada", 5, Set.of(Cohort.LOOKED_AFTER), d(6));
        p5 = pupil(fixtures, schools, schoolA, "Lee", 5, Set.of(), year.firstDay());
        q1 = pupil(fixtures, schools, schoolB, "Ira", 3, Set.of(), year.firstDay());

        var a = new StringBuilder("upn,date,session,code\n");
        for (int n = 1; n <= 10; n++) {
            a.append(mark(p1, n, "AM", n == 3 ? "L" : "/")).append(mark(p1, n, "PM", "\\"));
            a.append(mark(p2, n, "AM", n == 2 ? "I" : n == 7 ? "U" : "/")).append(mark(p2, n, "PM", "\\"));
            String p3Day = n <= 2 ? "M" : n >= 8 ? "O" : null;
            a.append(mark(p3, n, "AM", p3Day == null ? "/" : p3Day)).append(mark(p3, n, "PM", p3Day == null ? "\\" : p3Day));
            if (n >= 6) {
                a.append(mark(p4, n, "AM", "/")).append(mark(p4, n, "PM", n == 8 ? "G" : "\\"));
            }
            a.append(mark(p5, n, "AM", n == 1 ? "I" : n == 4 ? "Y2" : "/")).append(mark(p5, n, "PM", n == 4 ? "Y2" : "\\"));
        }
        post(http, officerA, schoolA, a.toString());
        var b = new StringBuilder("upn,date,session,code\n");
        for (int n = 1; n <= 10; n++) {
            b.append(mark(q1, n, "AM", n == 5 ? "O" : "/")).append(mark(q1, n, "PM", n == 5 ? "O" : "\\"));
        }
        post(http, officerB, schoolB, b.toString());
    }

    /** Day n of the data set, 1 to 10. */
    LocalDate d(int n) {
        return days.get(n - 1);
    }

    LocalDate monday(int week) {
        return d(1).plusWeeks(week - 1);
    }

    private String mark(String upn, int day, String session, String code) {
        return upn + "," + d(day) + "," + session + "," + code + "\n";
    }

    private static String pupil(Fixtures fixtures, SchoolAdministration schools, Fixtures.TestSchool school,
                                String forename, int yearGroup, Set<Cohort> cohorts, LocalDate admitted) {
        String upn = fixtures.newUpn();
        schools.savePupils(school.urn(), List.of(new PupilData(upn, forename, "Pupil" + upn.substring(9),
                LocalDate.of(2015, 3, 4), yearGroup, admitted, cohorts, null,
                List.of(new ParentData("Sam Parent", "Mother", true, true, null, "07700 900000", "1 High Street")))));
        return upn;
    }

    private static void post(TestRestTemplate http, String officer, Fixtures.TestSchool school, String csv) {
        var body = RegisterUploads.load(http, officer, school.urn(), csv);
        assertThat(((Number) body.get("accepted")).intValue()).as("marks accepted").isPositive();
    }
}
