package org.openattendance.browser;

import org.junit.jupiter.api.BeforeEach;
import org.openattendance.support.Fixtures;
import org.openattendance.support.ReadableFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A browser test on a school with a readable name (as the screenshots show it), its attendance officer and one
 * pupil, made afresh before each test; {@link #casework} gives the pupil a case when a test needs one.
 */
abstract class ReadableSchoolBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ReadableFixtures readable;
    @Autowired
    Casework casework;

    Fixtures.TestSchool school;
    String officer;
    String upn;

    @BeforeEach
    void aReadableSchoolWithItsOfficerAndAPupil() {
        school = readable.school();
        officer = readable.officer(school);
        upn = readable.pupil(school);
    }
}
