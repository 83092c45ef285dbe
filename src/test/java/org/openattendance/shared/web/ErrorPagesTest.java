package org.openattendance.shared.web;

import org.openattendance.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.security.Role;
import org.openattendance.security.UserAdministration;
import org.openattendance.support.TestSchools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

@IntegrationTest
class ErrorPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAdministration users;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void rendersGovukErrorPagesWithoutTechnicalDetail() throws Exception {
        var admin = TestSchools.admin("errors-admin");
        for (int code : new int[] {404, 403, 413, 400, 500, 503}) {
            var result = mvc.perform(get("/error").with(user(admin)).accept(MediaType.TEXT_HTML)
                            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, code)
                            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/schools/123456/register/upload")
                            .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                            .requestAttr(RequestDispatcher.ERROR_MESSAGE, "secret detail"))
                    .andExpect(status().is(code))
                    .andExpect(content().string(containsString("govuk-template")))
                    .andExpect(content().string(containsString("Signed in as <strong>Ada Admin</strong>")))
                    .andExpect(content().string(not(containsString("secret detail"))))
                    .andExpect(content().string(not(containsString("IllegalStateException"))))
                    .andExpect(content().string(not(containsString("at org."))))
                    .andReturn();
            String title = switch (code) {
                case 404 -> "Page not found";
                case 403 -> "You do not have permission to do this";
                case 413 -> "The file is too large";
                case 400 -> "There is a problem with your request";
                case 503 -> "Sorry, the service is unavailable";
                default -> "Sorry, there is a problem with the service";
            };
            assertThat(result.getResponse().getContentAsString()).as("error page for " + code)
                    .contains("<h1 class=\"govuk-heading-l\">" + title + "</h1>");
        }
    }

    @Test
    void answersTheJsonApiWithJsonAsBefore() throws Exception {
        String username = "errors-api-" + System.nanoTime();
        users.save(new UserAdministration.NewUser(username, "a-long-enough-password", "Api Admin", Set.of(Role.ADMIN),
                Set.of(), null));
        mvc.perform(get("/api/pupils/{upn}/marks", "A123").with(httpBasic(username, "a-long-enough-password")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.error").value("No pupil with UPN A123"));
        mvc.perform(get("/api/pupils/{upn}/marks", "A123").param("from", "yesterday")
                        .with(httpBasic(username, "a-long-enough-password")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void answersATooLargeUploadWithThePageOrWithJsonUnderTheApi() {
        var advice = new UploadTooLargeAdvice(DataSize.ofMegabytes(50));

        var page = advice.tooLarge(new MockHttpServletRequest("POST", "/schools/123456/register/upload"));
        assertThat(page.getViewName()).isEqualTo("error/413");
        assertThat(page.getStatus().value()).isEqualTo(413);
        assertThat(page.getModel()).containsEntry("maxSize", "50MB");

        var api = advice.tooLarge(new MockHttpServletRequest("POST", "/api/schools/123456/marks"));
        assertThat(api.getView()).isInstanceOf(MappingJackson2JsonView.class);
        assertThat(api.getStatus().value()).isEqualTo(413);
        assertThat(api.getModel()).containsEntry("status", 413)
                .containsEntry("error", "The upload is larger than the limit of 52428800 bytes (50MB)");
    }
}
