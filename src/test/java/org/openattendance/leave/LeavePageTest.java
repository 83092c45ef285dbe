package org.openattendance.leave;

import org.openattendance.support.Fixtures;
import org.openattendance.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** A test of the leave pages through MockMvc: a family's requests, and staff signed in as the users table has them. */
abstract class LeavePageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LeaveTestSupport leave;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JdbcTemplate jdbc;
}
