package org.openattendance.browser;

import org.junit.jupiter.api.BeforeEach;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.security.UserAdministration;
import org.openattendance.support.Fixtures;
import org.openattendance.support.ReadableFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A browser test on a school with a readable name (as the screenshots show it), its attendance officer and one
 * pupil, made afresh before each test; {@link #casework()} gives the pupil a case when a test needs one.
 */
abstract class ReadableSchoolBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SchoolAdministration schools;
    @Autowired
    UserAdministration users;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures.TestSchool school;
    String officer;
    String upn;

    @BeforeEach
    void aReadableSchoolWithItsOfficerAndAPupil() {
        var readable = new ReadableFixtures(fixtures, schools, users);
        school = readable.school();
        officer = readable.officer(school);
        upn = readable.pupil(school);
    }

    Casework casework() {
        return new Casework(http, jdbc);
    }
}
