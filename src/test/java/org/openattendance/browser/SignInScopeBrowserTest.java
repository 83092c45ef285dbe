package org.openattendance.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in as each role through the real page, and seeing only one's own scope: two schools of one LA, each
 * with a first-day contact task, and a school of another LA. Every page visited passes axe-core.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInScopeBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Casework casework;

    Fixtures.TestSchool school;
    Fixtures.TestSchool neighbour;
    Fixtures.TestSchool elsewhere;
    String officer;
    String neighbourOfficer;
    String upn;
    String task;
    String neighbourTask;

    @BeforeAll
    void someCasesInTwoLas() {
        String la = fixtures.newLaCode();
        school = fixtures.school(la);
        neighbour = fixtures.school(la);
        elsewhere = fixtures.school(fixtures.newLaCode());
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        neighbourOfficer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(neighbour.urn()), null);
        upn = fixtures.pupils(school, 1).get(0);
        task = casework.unexplainedAbsence(officer, school.urn(), upn);
        neighbourTask = casework.unexplainedAbsence(neighbourOfficer, neighbour.urn(), fixtures.pupils(neighbour, 1).get(0));
    }

    @Test
    void theSignInPageIsAccessibleAndAWrongPasswordSaysWhatIsWrong() {
        page.navigate("/inbox");
        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(page.locator("h1")).hasText("Sign in to Open Attendance");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "sign-in");

        page.getByLabel("Username").fill(officer);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.locator(".govuk-error-summary")).containsText("Enter a correct username and password");
        assertThat(page).hasTitle("Error: Sign in – Open Attendance");
        Browsers.assertAccessible(page);
    }

    @Test
    void anAttendanceOfficerSeesTheirSchoolAndItsTasksOnlyAndAnotherSchoolsTaskIsNotFound() {
        signIn(officer);
        assertThat(schoolRows()).hasCount(1);
        assertThat(schoolRows()).containsText(new String[] {"Test School " + school.urn()});
        Browsers.assertAccessible(page);

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Your tasks")).click();
        assertThat(page.locator("h1")).hasText("Your tasks");
        assertThat(page.locator("#tasks a[href='/tasks/" + task + "']")).hasText("Contact the parents today");
        assertThat(page.locator("#tasks")).containsText(upn);
        assertThat(page.locator("a[href='/tasks/" + neighbourTask + "']")).hasCount(0);
        assertThat(page.locator("#tasks")).not().containsText("Test School " + neighbour.urn());
        Browsers.assertAccessible(page);

        var response = page.navigate("/tasks/" + neighbourTask);
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page not found");
        Browsers.assertAccessible(page);
    }

    @Test
    void aHeadteacherSeesTheirSchoolButNotTheOfficersContactTask() {
        signIn(fixtures.user(Role.HEADTEACHER, Set.of(school.urn()), null));
        // A headteacher's home page is their school's dashboard.
        assertThat(page).hasURL(Pattern.compile("/dashboard$"));
        assertThat(page.locator("h1")).hasText("Test School " + school.urn() + ": attendance");
        assertThat(page.locator("main")).not().containsText("Test School " + neighbour.urn());
        Browsers.assertAccessible(page);

        page.navigate("/inbox");
        assertThat(page.locator("h1")).hasText("Your tasks");
        assertThat(page.locator("a[href='/tasks/" + task + "']")).hasCount(0);
        Browsers.assertAccessible(page);
        assertThat(page.navigate("/tasks/" + task).status()).isEqualTo(404);
    }

    @Test
    void anLaOfficerSeesEverySchoolOfTheirLaButMayNotUploadTheirRegisters() {
        signIn(fixtures.user(Role.LA_OFFICER, Set.of(), school.laCode()));
        // An LA officer's home page is the LA's dashboard; their schools are one link away.
        assertThat(page).hasURL(Pattern.compile("/dashboard/las/" + school.laCode() + "$"));
        page.locator("#nav-home").click();
        assertThat(page.locator("h1")).hasText("Your schools");
        assertThat(page.locator("main")).containsText("Test School " + school.urn());
        assertThat(page.locator("main")).containsText("Test School " + neighbour.urn());
        assertThat(page.locator("main")).not().containsText("Test School " + elsewhere.urn());
        assertThat(page.locator("main a", new Page.LocatorOptions().setHasText("Upload register"))).hasCount(0);
        Browsers.assertAccessible(page);

        var response = page.navigate("/schools/" + school.urn() + "/register/upload");
        assertThat(response.status()).isEqualTo(403);
        Browsers.assertAccessible(page);
        assertThat(page.navigate("/schools/" + elsewhere.urn() + "/register/upload").status()).isEqualTo(404);
        assertThat(page.navigate("/tasks/" + task).status()).isEqualTo(404);
    }

    @Test
    void aSocialWorkerSeesNoSchoolAndNoSchoolsPages() {
        String socialWorker = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);
        String allocated = fixtures.pupilWithSocialWorker(school, socialWorker);
        signIn(socialWorker);
        // A social worker's home page is their caseload: their pupil, and no list of schools.
        assertThat(page).hasURL(Pattern.compile("/caseload$"));
        assertThat(page.locator("h1")).hasText("Your caseload");
        assertThat(page.locator("main")).containsText(allocated);
        assertThat(page.locator("main")).not().containsText("Test School " + neighbour.urn());
        assertThat(page.locator("#children tbody tr")).hasCount(1);
        Browsers.assertAccessible(page);

        page.navigate("/inbox");
        assertThat(page.locator("a[href='/tasks/" + task + "']")).hasCount(0);
        assertThat(page.navigate("/schools/" + school.urn() + "/register/upload").status()).isEqualTo(404);
        assertThat(page.navigate("/tasks/" + task).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorSeesEverySchoolAndTheAdminPagesAndCanSignOut() {
        signIn(fixtures.admin());
        for (var s : new Fixtures.TestSchool[] {school, neighbour, elsewhere}) {
            assertThat(page.locator("main")).containsText("Test School " + s.urn());
        }
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Camunda Cockpit, Tasklist and Admin (process engine)"))).isVisible();
        Browsers.assertAccessible(page);

        page.locator("#nav-admin").click();
        assertThat(page.locator("h1")).hasText("Administration");
        Browsers.assertAccessible(page);
        for (String[] link : new String[][] {{"#admin-users", "Users"}, {"#admin-letters", "Letter templates"},
                {"#admin-outbox", "Mail outbox"}}) {
            page.navigate("/admin");
            page.locator(link[0]).click();
            assertThat(page.locator("h1")).hasText(link[1]);
            Browsers.assertAccessible(page);
        }
        page.navigate("/admin/users/new");
        assertThat(page.locator("h1")).hasText("Add a user");
        Browsers.assertAccessible(page);
        page.navigate("/admin/letters");
        page.locator("main table a").first().click();
        assertThat(page.locator("form")).not().hasCount(0);
        Browsers.assertAccessible(page);
        page.navigate("/");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("You have signed out");
        Browsers.assertAccessible(page);
        page.navigate("/");
        assertThat(page.locator("h1")).hasText("Sign in to Open Attendance");
    }

    private Locator schoolRows() {
        return page.locator("main table tbody tr");
    }
}
