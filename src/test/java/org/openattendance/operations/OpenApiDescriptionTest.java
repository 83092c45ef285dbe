package org.openattendance.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI description of /api/** that MIS suppliers build against is committed as docs/openapi.json and must
 * match the controllers: a controller changed without the file fails here, with the difference. To accept a change,
 * run with -Dopenapi.write=true and commit the file.
 */
@IntegrationTest
class OpenApiDescriptionTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");

    @Autowired
    TestRestTemplate http;
    @Autowired
    MockMvc mvc;

    final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theCommittedDescriptionMatchesTheControllers() throws Exception {
        String body = mvc.perform(get("/v3/api-docs").with(user("staff").roles("ATTENDANCE_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode generated = json.readTree(body);
        ((com.fasterxml.jackson.databind.node.ObjectNode) generated).remove("servers");
        String text = json.writeValueAsString(json.treeToValue(generated, Object.class)) + "\n";

        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, text, StandardCharsets.UTF_8);
        }
        assertThat(generated.path("paths").has("/api/schools/{urn}/marks")).isTrue();
        assertThat(generated.path("paths").fieldNames()).toIterable().allSatisfy(path -> assertThat(path).startsWith("/api/"));
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(committed).as("docs/openapi.json is out of date with the controllers:\n%s\nRun mvn test "
                + "-Dtest=OpenApiDescriptionTest -Dopenapi.write=true and commit docs/openapi.json.", difference(committed, text))
                .isEqualTo(text);
    }

    @Test
    void theDescriptionIsNotPublic() {
        var response = http.getForEntity("/v3/api-docs", String.class);
        assertThat(response.getStatusCode().value() != 200 || !response.getBody().contains("\"openapi\"")).isTrue();
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getBody()).doesNotContain("Swagger UI");
    }

    private static String difference(String committed, String generated) {
        List<String> before = committed.lines().toList();
        List<String> after = generated.lines().toList();
        var lines = new ArrayList<String>();
        int max = Math.max(before.size(), after.size());
        for (int i = 0; i < max && lines.size() < 40; i++) {
            String b = i < before.size() ? before.get(i) : "";
            String a = i < after.size() ? after.get(i) : "";
            if (!a.equals(b)) {
                lines.add("line " + (i + 1) + ": committed  " + b.trim());
                lines.add("line " + (i + 1) + ": controllers " + a.trim());
            }
        }
        return String.join("\n", lines);
    }
}
