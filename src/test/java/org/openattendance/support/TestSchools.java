package org.openattendance.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.openattendance.school.Phase;
import org.openattendance.school.School;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.CalendarData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolAdministration.SchoolData;
import org.openattendance.school.SchoolAdministration.TermData;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.London;
import org.openattendance.shared.Upn;
import org.springframework.stereotype.Component;

/**
 * Builds a school of one's own in the shared test database: a unique URN, a calendar that is open on every
 * weekday of this and last academic year up to today, and pupils with valid UPNs on roll for two years.
 */
@Component
public final class TestSchools {

    private final SchoolAdministration administration;
    private final SchoolDirectory directory;

    public TestSchools(SchoolAdministration administration, SchoolDirectory directory) {
        this.administration = administration;
        this.directory = directory;
    }

    public static LocalDate today() {
        return LocalDate.now(London.ZONE);
    }

    /** A 6-digit URN no school in the database has yet. */
    public String unusedUrn() {
        while (true) {
            String urn = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
            if (directory.school(urn).isEmpty()) {
                return urn;
            }
        }
    }

    /** A 3-digit LA code that is most likely used by no other test. */
    public static String someLaCode() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100, 1000));
    }

    public School school(String name, String laCode) {
        School school = administration.saveSchool(new SchoolData(unusedUrn(), name, laCode, Phase.PRIMARY,
                LocalTime.of(9, 15)));
        AcademicYear current = AcademicYear.containing(today());
        for (AcademicYear year : List.of(current.previous(), current)) {
            LocalDate end = year.lastDay().isAfter(today()) ? today() : year.lastDay();
            administration.saveCalendar(school.getUrn(), year,
                    new CalendarData(List.of(new TermData(year.firstDay(), end)), List.of()));
        }
        return school;
    }

    /** Saves {@code count} pupils and answers their UPNs. */
    public List<String> pupils(School school, int count) {
        var upns = new ArrayList<String>();
        var data = new ArrayList<PupilData>();
        for (int i = 0; i < count; i++) {
            // 12 digits, unique per school: "9", the 6-digit URN, a year of allocation, a serial.
            String twelve = "9" + school.getUrn() + "25" + String.format("%03d", i);
            String upn = Upn.checkLetterFor(twelve) + twelve;
            upns.add(upn);
            data.add(new PupilData(upn, "Pupil" + i, "Test", today().minusYears(9), 4, today().minusYears(2),
                    Set.of(), null, List.of()));
        }
        administration.savePupils(school.getUrn(), data);
        return upns;
    }

    /** The {@code count} weekdays before today, oldest first: open sessions in the calendar of {@link #school}. */
    public static List<LocalDate> recentSchoolDays(int count) {
        var days = new ArrayList<LocalDate>();
        for (LocalDate day = today().minusDays(1); days.size() < count; day = day.minusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(0, day);
            }
        }
        return days;
    }

    public static StaffUser officer(String username, School school) {
        return new StaffUser(username, "unused", "Olive Officer", Set.of(Role.ATTENDANCE_OFFICER),
                Set.of(school.getUrn()), null, true);
    }

    public static StaffUser admin(String username) {
        return new StaffUser(username, "unused", "Ada Admin", Set.of(Role.ADMIN), Set.of(), null, true);
    }

    public static StaffUser laOfficer(String username, String laCode) {
        return new StaffUser(username, "unused", "Lee Authority", Set.of(Role.LA_OFFICER), Set.of(), laCode, true);
    }
}
