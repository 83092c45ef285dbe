package org.openattendance.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseProcessSupport;
import org.openattendance.security.Role;
import org.openattendance.shared.BritishDates;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The legal pages in the browser: the school's officer fills in the request for a penalty notice (refused while a
 * parent's date of birth is missing, naming it), the LA's officer decides on the whole request from the inbox, and
 * records a part payment and then the rest on the notice's page; each page axe-core clean, with screenshots.
 */
@IntegrationTest
class LegalPagesBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseProcessSupport cases;
    @Autowired
    JdbcTemplate jdbc;

    CaseProcessSupport.TestCase kase;
    String schoolOfficer;
    String laOfficer;

    @BeforeEach
    void aTermTimeHolidayAfterLeaveWasRefused() {
        ClockUtil.setCurrentTime(new java.util.Date());
        kase = cases.openCase();
        schoolOfficer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(kase.schoolUrn()), null);
        laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), kase.laCode());
        long pupilId = jdbc.queryForObject("select id from pupil where upn = ?", Long.class, kase.upn());
        LocalDate monday = Fixtures.today().with(DayOfWeek.MONDAY).minusWeeks(3);
        for (int day = 0; day < 5; day++) {
            for (String session : new String[] {"AM", "PM"}) {
                jdbc.update("""
                        insert into session_mark (pupil_id, mark_date, session, code, recorded_by, recorded_at, source)
                        values (?, ?, ?, 'G', 'test', ?, 'API')""", pupilId, Date.valueOf(monday.plusDays(day)), session,
                        Timestamp.from(Instant.now()));
            }
        }
        cases.send(kase, "PenaltyThresholdMet");
        cases.complete(kase, "consider-notice", "recommendation", "PENALTY_NOTICE");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSchoolRequestsTheLaApprovesAndRecordsThePayments() {
        signIn(schoolOfficer);
        page.navigate("/pupils/" + kase.upn() + "/penalty-notice-request");
        assertThat(page.locator("h1")).containsText("Request a penalty notice from the LA");
        assertThat(page.locator("#missing-list")).containsText("Date of birth of Sam Parent is missing");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "legal-request-form");

        page.locator("#schoolStatement").fill("Taken on holiday after the headteacher refused leave in writing.");
        page.locator("#send-request").click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Date of birth of Sam Parent is missing");
        Browsers.assertAccessible(page);

        page.locator("#parent-0-dob-day").fill("2");
        page.locator("#parent-0-dob-month").fill("6");
        page.locator("#parent-0-dob-year").fill("1984");
        page.locator("#send-request").click();
        assertThat(page.locator("h1")).hasText("Request for a penalty notice");
        assertThat(page.locator("main")).containsText("With the LA for a decision");
        assertThat(page.locator("main")).containsText("2 June 1984");
        assertThat(page.locator("main")).not().containsText("TERM_TIME_HOLIDAY");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "legal-request-sent");

        context.clearCookies();
        signIn(laOfficer);
        String task = cases.one(kase, "decide-request").getId();
        page.navigate("/inbox");
        page.locator("#tasks a[href='/tasks/" + task + "']").click();
        assertThat(page.locator("#penalty-request")).containsText("The school's request for a penalty notice");
        assertThat(page.locator("#penalty-request")).containsText("A term-time holiday (no Notice to Improve needed)");
        assertThat(page.locator("#penalty-request")).containsText("Taken on holiday after the headteacher refused leave in writing.");
        assertThat(page.locator("main")).not().containsText("TERM_TIME_HOLIDAY");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "legal-la-decision");
        page.getByLabel("Approve: issue a notice to each parent the policy allows").check();
        page.locator("textarea[name=decisionReasons]").fill("The holiday was refused in writing beforehand.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete task")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/inbox$"));

        String number = jdbc.queryForObject("select n.number from legal_penalty_notice n join pupil p on p.id = n.pupil_id"
                + " where p.upn = ?", String.class, kase.upn());
        page.navigate("/pupils/" + kase.upn());
        assertThat(page.locator("main")).containsText("Penalty notice " + number + " issued to Sam Parent");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "legal-pupil");
        page.locator("a[href='/penalty-notices/" + number + "']").first().click();
        assertThat(page.locator("#notice-status")).hasText("Issued: waiting for payment");
        LocalDate today = Fixtures.today();
        page.locator("#amount").fill("50");
        page.locator("#paidOn-day").fill("" + today.getDayOfMonth());
        page.locator("#paidOn-month").fill("" + today.getMonthValue());
        page.locator("#paidOn-year").fill("" + today.getYear());
        page.locator("#reference").fill("BANK-1");
        page.locator("#record-payment").click();
        assertThat(page.locator("#done-banner")).containsText("Payment of £50.00 recorded. Still due: £");
        assertThat(page.locator("#payments")).containsText("BANK-1");
        assertThat(page.locator("#payments")).containsText(BritishDates.day(today));
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "legal-notice");

        page.navigate("/las/" + kase.laCode() + "/penalty-notices");
        assertThat(page.locator("main")).containsText(number);
        assertThat(page.locator("main")).containsText("1 notice");
        assertThat(page.locator("#total")).hasText("1 notice matches.");
        assertThat(page.locator("select[name=status]")).hasCount(1);
        assertThat(page.locator("#csv-link")).isVisible();
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "legal-register");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and pupil_upn = ?",
                Integer.class, laOfficer, kase.upn())).isPositive();
    }
}
