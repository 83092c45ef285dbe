package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.security.SignedInClient.csrfOf;
import static org.openattendance.security.SignedInClient.locationOf;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Password guessing is throttled per account and per client address, for the sign-in form and HTTP Basic alike,
 * in buckets every node shares; the answers never tell whether an account exists. Each test comes from client
 * addresses of its own (X-Forwarded-For from the local proxy, as behind the LA's proxy), so the per-address limit
 * of one test does not reach another.
 */
@IntegrationTest
class SignInThrottleTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 200));

    @Autowired
    TestRestTemplate template;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void tenWrongPasswordsPauseTheAccountEvenForTheRightOneUntilAnAdministratorUnlocksIt() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        var guesser = client();
        for (int i = 0; i < 10; i++) {
            assertThat(locationOf(guesser.signIn(officer, "guess-number-" + i))).isEqualTo("/login?error");
        }

        var rightPassword = guesser.signIn(officer, PASSWORD);
        assertThat(locationOf(rightPassword)).matches("/login\\?paused=\\d+");
        assertThat(guesser.get("/inbox").getStatusCode()).as("not signed in").isEqualTo(HttpStatus.FOUND);
        assertThat(guesser.get(locationOf(rightPassword)).getBody())
                .contains("There have been too many attempts to sign in")
                .contains("ask your administrator to unlock your account");
        // Another address does not get round the account's limit either.
        assertThat(locationOf(client().signIn(officer, PASSWORD))).matches("/login\\?paused=\\d+");
        assertThat(audited(officer, "SIGN_IN_FAILED")).isEqualTo(10);
        assertThat(audited(officer, "SIGN_IN_PAUSED")).isEqualTo(1);

        var admin = client();
        admin.signIn(fixtures.admin(), PASSWORD);
        var userPage = admin.get("/admin/users/" + officer);
        assertThat(userPage.getBody()).contains("Paused after too many failed attempts").contains("Unlock sign-in");
        assertThat(admin.get("/admin/users").getBody()).contains("Sign-in paused");
        var form = new LinkedMultiValueMap<String, String>();
        form.add("_csrf", csrfOf(userPage));
        var unlocked = admin.postForm("/admin/users/" + officer + "/unlock", form);
        assertThat(locationOf(unlocked)).isEqualTo("/admin/users/" + officer);
        assertThat(admin.get("/admin/users/" + officer).getBody()).contains(officer + " can sign in again")
                .doesNotContain("Paused after too many failed attempts");

        assertThat(locationOf(client().signIn(officer, PASSWORD))).isEqualTo("/");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'SIGN_IN_UNLOCKED' and subject_id = ?",
                Integer.class, officer)).isEqualTo(1);
    }

    @Test
    void anAccountThatDoesNotExistIsAnsweredExactlyAsOneThatDoes() {
        String real = fixtures.admin();
        String invented = "no.such.person." + ADDRESSES.incrementAndGet();
        var forReal = client();
        var forInvented = client();
        for (int i = 0; i < 10; i++) {
            assertThat(locationOf(forReal.signIn(real, "wrong-" + i)))
                    .isEqualTo(locationOf(forInvented.signIn(invented, "wrong-" + i))).isEqualTo("/login?error");
        }
        var realPaused = forReal.signIn(real, "wrong-again");
        var inventedPaused = forInvented.signIn(invented, "wrong-again");

        assertThat(locationOf(realPaused)).isEqualTo(locationOf(inventedPaused)).matches("/login\\?paused=\\d+");
        assertThat(forReal.get(locationOf(realPaused)).getBody().replaceAll("value=\"[^\"]+\"", ""))
                .isEqualTo(forInvented.get(locationOf(inventedPaused)).getBody().replaceAll("value=\"[^\"]+\"", ""));
        // The audit trail never keeps what was typed for an account that does not exist (often a password).
        assertThat(jdbc.queryForObject("select count(*) from audit_event where subject_id = ? or detail like ?",
                Integer.class, invented, "%" + invented + "%")).isZero();
    }

    @Test
    void httpBasicIsThrottledTooAndAnswers429WithRetryAfter() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(basic(officer, "guess-" + i, address).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        var refused = basic(officer, PASSWORD, address);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 15 * 60L);
        assertThat(refused.getBody()).contains("\"status\":429").contains("Too many failed sign-in attempts");
        assertThat(basic("no.such.api.user." + ADDRESSES.incrementAndGet(), "x", address).getStatusCode())
                .as("the address still has tries left").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void guessesSentAllAtOnceAreCountedBeforeAnyPasswordIsChecked() throws Exception {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String address = newAddress();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<HttpStatus>>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                Callable<HttpStatus> guess = () -> HttpStatus.valueOf(basic(officer, "parallel-" + n, address).getStatusCode().value());
                answers.add(pool.submit(guess));
            }
            int checked = 0;
            for (var answer : answers) {
                checked += answer.get() == HttpStatus.UNAUTHORIZED ? 1 : 0;
            }
            assertThat(checked).as("passwords checked").isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneClientAddressIsPausedAfterFiftyFailuresWhateverAccountsItTries() {
        String address = newAddress();
        for (int i = 0; i < 50; i++) {
            assertThat(basic("sprayed." + i + "." + address, "password1", address).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        String admin = fixtures.admin();
        assertThat(basic(admin, PASSWORD, address).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'SIGN_IN_PAUSED' and subject_id = ?",
                Integer.class, address)).isEqualTo(1);

        var elsewhere = client();
        elsewhere.signIn(admin, PASSWORD);
        var users = elsewhere.get("/admin/users");
        assertThat(users.getBody()).contains("Addresses with sign-ins paused").contains(address);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("_csrf", csrfOf(users));
        form.add("unlockAddress", address);
        assertThat(locationOf(elsewhere.postForm("/admin/users", form))).isEqualTo("/admin/users");

        assertThat(basic(admin, PASSWORD, address).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theCountsAreInTheDatabaseWhereEveryNodeSeesThem() {
        String officer = fixtures.admin();
        var guesser = client();
        for (int i = 0; i < 10; i++) {
            guesser.signIn(officer, "wrong-" + i);
        }
        // Another node: its own rate limiter and throttle over the same database.
        var otherNode = new SignInThrottle(new RateLimits(dataSource, jdbc), 10, 50, Duration.ofMinutes(15));
        assertThat(otherNode.accountPaused(officer)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from rate_limit_bucket where id = ?", Integer.class,
                "sign-in-account:" + officer)).isEqualTo(1);

        otherNode.unlockAccount(officer);
        assertThat(locationOf(client().signIn(officer, PASSWORD))).isEqualTo("/");
    }

    private int audited(String subject, String action) {
        return jdbc.queryForObject("select count(*) from audit_event where subject_id = ? and action = ?", Integer.class,
                subject, action);
    }

    private SignedInClient client() {
        return new SignedInClient(template).header("X-Forwarded-For", newAddress());
    }

    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250 % 100) + "." + (1 + n % 250);
    }

    private ResponseEntity<String> basic(String username, String password, String address) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(username, password);
        headers.add("X-Forwarded-For", address);
        return template.exchange("/api/attendance-codes", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
