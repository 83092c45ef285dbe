package org.openattendance.dashboard;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openattendance.security.StaffUser;
import org.openattendance.security.StaffUserStore;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A test of the dashboard's pages on one {@link DashboardScenario}, made once for the class (its figures are worked
 * out by hand), with requests made as the scenario's users through MockMvc.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DashboardScenarioTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    DashboardDataSets dataSets;
    @Autowired
    TestRestTemplate http;
    @Autowired
    StaffUserStore users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebApplicationContext context;

    DashboardScenario s;
    MockMvc mvc;

    @BeforeAll
    void scenario() {
        s = dataSets.scenario();
    }

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** The user as the users table has them, signed in through MockMvc (no session stamp to check: stamp 0). */
    RequestPostProcessor as(String username) {
        var u = users.loadUserByUsername(username);
        return user(new StaffUser(u.username(), u.passwordHash(), u.displayName(), u.roles(), u.schools(), u.laCode(),
                u.enabled(), u.email(), 0));
    }
}
