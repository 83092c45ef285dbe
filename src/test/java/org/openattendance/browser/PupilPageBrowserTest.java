package org.openattendance.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;

/** A pupil's page with the register calendar, as the school's officer and as the pupil's social worker. */
@IntegrationTest
class PupilPageBrowserTest extends ReadableSchoolBrowserTest {

    @BeforeEach
    void aPupilWithADayOfUnexplainedAbsence() {
        casework.unexplainedAbsence(officer, school.urn(), upn);
    }

    @Test
    void theOfficerSeesThePupilsRegisterCalendarWithTheDaysMarks() {
        signIn(officer);
        var response = page.navigate("/pupils/" + upn);
        assertThat(response.status()).isEqualTo(200);
        assertThat(page.locator("h1")).hasText("Alex Morgan");

        LocalDate day = Fixtures.weekdaysAgo(1);
        var week = page.locator("#register-calendar tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHas(page.locator("th", new com.microsoft.playwright.Page.LocatorOptions().setHasText(
                        day.with(DayOfWeek.MONDAY).format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK))))));
        assertThat(week).hasCount(1);
        int am = (day.getDayOfWeek().getValue() - 1) * 2;
        assertThat(week.locator("td").nth(am).locator("[aria-hidden=true]")).hasText("N");
        assertThat(week.locator("td").nth(am + 1).locator("[aria-hidden=true]")).hasText("N");
        // The colour comes from the stylesheet: an N is an unauthorised absence, shown on a red background.
        assertThat(backgroundOf(week.locator("td").nth(am))).isEqualTo("rgb(244, 205, 198)");
        assertThat(backgroundOf(page.locator(".app-mark-key__swatch").first())).isNotEqualTo(TRANSPARENT);
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "pupil");
    }

    static final String TRANSPARENT = "rgba(0, 0, 0, 0)";

    static String backgroundOf(com.microsoft.playwright.Locator cell) {
        return (String) cell.evaluate("element => getComputedStyle(element).backgroundColor");
    }

    @Test
    void anotherSchoolsOfficerGetsNotFoundAndASocialWorkerSeesOnlyTheirOwnPupil() {
        var other = fixtures.school(school.laCode());
        signIn(fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(other.urn()), null));
        assertThat(page.navigate("/pupils/" + upn).status()).isEqualTo(404);
        Browsers.assertAccessible(page);
        context.clearCookies();

        String socialWorker = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);
        String allocated = fixtures.pupilWithSocialWorker(school, socialWorker);
        signIn(socialWorker);
        assertThat(page.navigate("/pupils/" + allocated).status()).isEqualTo(200);
        assertThat(page.locator("#register-calendar")).isVisible();
        Browsers.assertAccessible(page);
        assertThat(page.navigate("/pupils/" + upn).status()).isEqualTo(404);
    }
}
