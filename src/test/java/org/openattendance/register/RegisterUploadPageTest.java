package org.openattendance.register;

import org.openattendance.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.school.School;
import org.openattendance.security.StaffUser;
import org.openattendance.support.TestSchools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class RegisterUploadPageTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestSchools schools;
    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    School school;
    List<String> upns;
    StaffUser officer;
    List<LocalDate> days;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        school = schools.school("Upload Test Primary", TestSchools.someLaCode());
        upns = schools.pupils(school, 3);
        officer = TestSchools.officer("upload-officer", school);
        days = TestSchools.recentSchoolDays(2);
    }

    @Test
    void showsTheUploadFormToTheSchoolsAttendanceStaff() throws Exception {
        mvc.perform(get(page()).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Upload register marks</h1>")))
                .andExpect(content().string(containsString("Upload Test Primary (URN " + school.getUrn() + ")")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("<label class=\"govuk-label govuk-label--s\" for=\"file\">Register CSV file</label>")))
                .andExpect(content().string(containsString("class=\"govuk-file-upload\" id=\"file\" name=\"file\" type=\"file\"")));
    }

    @Test
    void storesAValidCsvAndShowsTheCounts() throws Exception {
        var csv = new StringBuilder("upn,date,session,code\n");
        for (String upn : upns) {
            for (LocalDate day : days) {
                csv.append(upn).append(',').append(day).append(",AM,/\n");
                csv.append(upn).append(',').append(day).append(",PM,\\\n");
            }
        }
        upload(csv.toString())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Register uploaded: all 12 rows are in the register")))
                .andExpect(content().string(containsString("id=\"accepted\">12<")))
                .andExpect(content().string(containsString("id=\"amended\">0<")))
                .andExpect(content().string(containsString("id=\"unchanged\">0<")))
                .andExpect(content().string(containsString("id=\"rejected\">0<")))
                .andExpect(content().string(not(containsString("Rejected rows"))));
        assertThat(storedMarks()).isEqualTo(12);

        // The same file again changes nothing.
        upload(csv.toString())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accepted\">0<")))
                .andExpect(content().string(containsString("id=\"unchanged\">12<")));
        assertThat(storedMarks()).isEqualTo(12);
    }

    @Test
    void listsTheLineAndReasonOfABadRowAndStoresTheRest() throws Exception {
        String csv = "upn,date,session,code\n"
                + upns.get(0) + "," + days.get(0) + ",AM,/\n"
                + upns.get(1) + "," + days.get(0) + ",AM,ZZ\n"
                + upns.get(2) + "," + days.get(0) + ",AM,/\n";
        upload(csv)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 of 3 rows were rejected. The other rows are in the register.")))
                .andExpect(content().string(containsString("id=\"accepted\">2<")))
                .andExpect(content().string(containsString("id=\"rejected\">1<")))
                .andExpect(content().string(containsString("<caption class=\"govuk-table__caption govuk-table__caption--m\">Rejected rows</caption>")))
                .andExpect(content().string(containsString("<td class=\"govuk-table__cell govuk-table__cell--numeric\">3</td>")))
                .andExpect(content().string(containsString("<td class=\"govuk-table__cell\">" + upns.get(1) + "</td>")))
                .andExpect(content().string(containsString("&#39;ZZ&#39; is not an attendance code")));
        assertThat(storedMarks()).isEqualTo(2);
    }

    @Test
    void escapesWhatTheFileSays() throws Exception {
        upload("upn,date,session,code\n<script>alert(1)</script>," + days.get(0) + ",AM,/\n")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
    }

    @Test
    void refusesAWrongHeaderWithAnErrorSummaryAndStoresNothing() throws Exception {
        upload("pupil;day;session;mark\n" + upns.get(0) + ";" + days.get(0) + ";AM;/\n")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<title>Error: Upload register")))
                .andExpect(content().string(containsString("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")))
                .andExpect(content().string(containsString("<li><a href=\"#file\">Wrong CSV header")))
                .andExpect(content().string(containsString("govuk-file-upload--error")))
                .andExpect(content().string(not(containsString("id=\"accepted\""))));
        assertThat(storedMarks()).isZero();
    }

    @Test
    void refusesAnEmptyFileAndAMissingFile() throws Exception {
        upload("")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The CSV is empty")));
        mvc.perform(multipart(page()).file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                        .with(user(officer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<li><a href=\"#file\">Select a CSV file</a></li>")));
        mvc.perform(multipart(page()).with(user(officer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Select a CSV file")));
        assertThat(storedMarks()).isZero();
    }

    @Test
    void acceptsACsvSavedWithAByteOrderMark() throws Exception {
        upload("\uFEFFupn,date,session,code\n" + upns.get(0) + "," + days.get(0) + ",AM,/\n")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accepted\">1<")));
    }

    @Test
    void answersNotFoundForAnotherSchoolAndForbiddenToStaffWhoMayOnlyLook() throws Exception {
        var other = schools.school("Other Upload School", TestSchools.someLaCode());
        mvc.perform(get("/schools/{urn}/register/upload", other.getUrn()).with(user(officer)))
                .andExpect(status().isNotFound())
                // left to the HTML error page (error/404.html), not answered with the JSON API's error body
                .andExpect(content().string(not(containsString("No school with URN"))));
        mvc.perform(multipart("/schools/{urn}/register/upload", other.getUrn())
                        .file(csvFile("upn,date,session,code\n")).with(user(officer)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/schools/{urn}/register/upload", "000000").with(user(officer)))
                .andExpect(status().isNotFound());
        mvc.perform(get(page()).with(user(TestSchools.laOfficer("upload-la", school.getLaCode()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAnUploadWithoutTheCsrfToken() throws Exception {
        mvc.perform(multipart(page()).file(csvFile("upn,date,session,code\n" + upns.get(0) + "," + days.get(0) + ",AM,/\n"))
                        .with(user(officer)))
                .andExpect(status().isForbidden());
        assertThat(storedMarks()).isZero();
    }

    private ResultActions upload(String csv) throws Exception {
        return mvc.perform(multipart(page()).file(csvFile(csv)).with(user(officer)).with(csrf()));
    }

    private static MockMultipartFile csvFile(String csv) {
        return new MockMultipartFile("file", "marks.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private String page() {
        return "/schools/" + school.getUrn() + "/register/upload";
    }

    private int storedMarks() {
        return jdbc.queryForObject("select count(*) from session_mark m join pupil p on p.id = m.pupil_id where p.school_urn = ?",
                Integer.class, school.getUrn());
    }
}
