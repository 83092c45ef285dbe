package org.openattendance.support;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.openattendance.school.Phase;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolAdministration.SchoolData;
import org.openattendance.security.Role;
import org.openattendance.security.UserAdministration;
import org.springframework.stereotype.Component;

/**
 * The fixtures' schools, officers and pupils under names a person would give them, for the pages the
 * screenshots in docs/screenshots/ show. URNs, UPNs and usernames stay unique per test.
 */
@Component
public final class ReadableFixtures {

    private final Fixtures fixtures;
    private final SchoolAdministration schools;
    private final UserAdministration users;

    public ReadableFixtures(Fixtures fixtures, SchoolAdministration schools, UserAdministration users) {
        this.fixtures = fixtures;
        this.schools = schools;
        this.users = users;
    }

    /** A fixture school (open every weekday of this and last year) named Riverside Primary School. */
    public Fixtures.TestSchool school() {
        var school = fixtures.school(fixtures.newLaCode());
        schools.saveSchool(new SchoolData(school.urn(), schoolName(), school.laCode(), Phase.PRIMARY, LocalTime.of(9, 15)));
        return school;
    }

    public static String schoolName() {
        return "Riverside Primary School";
    }

    /** An attendance officer of the school called Olive Officer; answers the username. */
    public String officer(Fixtures.TestSchool school) {
        String username = "olive.officer." + school.urn();
        users.save(new UserAdministration.NewUser(username, Fixtures.PASSWORD, "Olive Officer",
                Set.of(Role.ATTENDANCE_OFFICER), Set.of(school.urn()), null));
        return username;
    }

    /** A Year 4 pupil called Alex Morgan, with a parent to contact; answers the UPN. */
    public String pupil(Fixtures.TestSchool school) {
        String upn = fixtures.newUpn();
        PupilData p = fixtures.pupilData(upn, null, Set.of());
        schools.savePupils(school.urn(), List.of(new PupilData(upn, "Alex", "Morgan", p.dateOfBirth(), p.yearGroup(),
                p.admissionDate(), p.cohorts(), null, p.parents(), null, null)));
        return upn;
    }
}
