package org.openattendance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Register marks loaded as a school's officer loads them: a CSV posted to the register API, which must take it. */
public final class RegisterUploads {

    private RegisterUploads() {
    }

    /** Posts the CSV to {@code /api/schools/{urn}/marks} as the officer; fails the test unless it answers 200. */
    public static Map<?, ?> load(TestRestTemplate http, String officer, String schoolUrn, String csv) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        var response = http.withBasicAuth(officer, Fixtures.PASSWORD).postForEntity("/api/schools/" + schoolUrn + "/marks",
                new HttpEntity<>(csv, headers), Map.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }
}
