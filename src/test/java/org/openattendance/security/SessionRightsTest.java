package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.security.SignedInClient.locationOf;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed-in sessions lose the rights their user lost, on the very next request, and they live in the database:
 * through a real HTTP client against the running server, with the sign-in form, cookies and all.
 */
@IntegrationTest
class SessionRightsTest {

    @Autowired
    TestRestTemplate template;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAdministration users;
    @Autowired
    SessionRepository<? extends Session> sessions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void anAdministratorDemotedToAttendanceOfficerLosesTheAdminPagesAndCockpitOnTheNextRequest() {
        var school = fixtures.school(fixtures.newLaCode());
        String admin = fixtures.admin();
        var browser = signedIn(admin);
        assertThat(browser.get("/admin/users").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(browser.get("/camunda/app/cockpit/default/").getStatusCode()).isEqualTo(HttpStatus.OK);

        users.change(admin, new UserAdministration.UserChange("Demoted", Set.of(Role.ATTENDANCE_OFFICER),
                Set.of(school.urn()), null));

        var cockpit = browser.get("/camunda/app/cockpit/default/");
        assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(locationOf(cockpit)).isEqualTo("/login?changed");
        var adminPage = browser.get("/admin/users");
        assertThat(adminPage.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(locationOf(adminPage)).startsWith("/login");
        assertThat(browser.get("/login?changed").getBody()).contains("your account was changed since you signed in");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class, admin))
                .as("the old session is gone from the database").isZero();

        // Signed in again, with what the account may do now.
        var again = signedIn(admin);
        assertThat(again.get("/admin/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(again.get("/camunda/app/cockpit/default/").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(again.get("/schools/" + school.urn() + "/pupils").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'SESSION_ENDED'",
                Integer.class, admin)).isEqualTo(1);
    }

    @Test
    void anOfficerMovedToAnotherSchoolNoLongerSeesTheOldOne() {
        String la = fixtures.newLaCode();
        var oldSchool = fixtures.school(la);
        var newSchool = fixtures.school(la);
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(oldSchool.urn()), null);
        var browser = signedIn(officer);
        assertThat(browser.get("/schools/" + oldSchool.urn() + "/pupils").getStatusCode()).isEqualTo(HttpStatus.OK);

        users.change(officer, new UserAdministration.UserChange("Moved", Set.of(Role.ATTENDANCE_OFFICER),
                Set.of(newSchool.urn()), null));

        var stale = browser.get("/schools/" + oldSchool.urn() + "/pupils");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(locationOf(stale)).isEqualTo("/login?changed");
        var again = signedIn(officer);
        assertThat(again.get("/schools/" + oldSchool.urn() + "/pupils").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(again.get("/schools/" + newSchool.urn() + "/pupils").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDisabledUserIsSignedOutOnTheirNextRequestAndCannotSignInAgain() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        var browser = signedIn(officer);

        users.setEnabled(officer, false);

        var next = browser.get("/inbox");
        assertThat(next.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(locationOf(next)).isEqualTo("/login?changed");
        var retry = new SignedInClient(template).signIn(officer, PASSWORD);
        assertThat(locationOf(retry)).isEqualTo("/login?error");
    }

    @Test
    void aNewPasswordEndsTheSessionsStartedWithTheOldOneButANewEmailAddressDoesNot() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        var browser = signedIn(officer);

        jdbc.update("update app_user set email = ? where username = ?", officer + "@test.example", officer);
        assertThat(browser.get("/inbox").getStatusCode()).isEqualTo(HttpStatus.OK);

        users.resetPassword(officer, "another-long-password");
        assertThat(locationOf(browser.get("/inbox"))).isEqualTo("/login?changed");
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverBusyItWas() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        var browser = signedIn(officer);
        assertThat(browser.get("/inbox").getStatusCode()).isEqualTo(HttpStatus.OK);

        // The session as the database holds it, signed in 12 hours and a minute ago (busy all along).
        backdateSignIn(sessions, browser.sessionId(), Duration.ofHours(12).plusMinutes(1));

        var next = browser.get("/inbox");
        assertThat(next.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(locationOf(next)).isEqualTo("/login?expired");
        assertThat(browser.get("/login?expired").getBody()).contains("you signed in more than 12 hours ago");
    }

    @Test
    void theSessionLivesInTheDatabaseWhereAnotherNodeReadsIt() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        var browser = signedIn(officer);

        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class, officer))
                .isEqualTo(1);
        // Another node builds its own session repository on the same database and finds the signed-in user there.
        var otherNode = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        otherNode.setTableName("spring_session");
        Session session = otherNode.findById(browser.sessionId());
        assertThat(session).isNotNull();
        SecurityContext context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(((StaffUser) context.getAuthentication().getPrincipal()).username()).isEqualTo(officer);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        var browser = new SignedInClient(template);
        var signedIn = browser.signIn(fixtures.admin(), PASSWORD);

        assertThat(signedIn.getHeaders().get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie ->
                assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    private static <S extends Session> void backdateSignIn(SessionRepository<S> repository, String id, Duration ago) {
        S session = repository.findById(id);
        SecurityContext context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        var signIn = (UsernamePasswordAuthenticationToken) context.getAuthentication();
        var details = (SignInDetails) signIn.getDetails();
        signIn.setDetails(new SignInDetails(details.clientAddress(), Instant.now().minus(ago)));
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        repository.save(session);
    }

    private SignedInClient signedIn(String username) {
        var browser = new SignedInClient(template);
        var signedIn = browser.signIn(username, PASSWORD);
        assertThat(locationOf(signedIn)).isEqualTo("/");
        return browser;
    }
}
