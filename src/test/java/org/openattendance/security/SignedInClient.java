package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A browser's share of HTTP against the running server: keeps the cookies it is given, follows no redirects, and
 * signs in through the real sign-in form (CSRF token and all).
 */
class SignedInClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final TestRestTemplate http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    SignedInClient(TestRestTemplate template) {
        this.http = template.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    /** Sends this header with every request (e.g. X-Forwarded-Proto, as the LA's proxy would). */
    SignedInClient header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** Posts the sign-in form; answers the response (a redirect to / when it worked). */
    ResponseEntity<String> signIn(String username, String password) {
        var page = get("/login");
        var token = CSRF.matcher(page.getBody());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", token.group(1) != null ? token.group(1) : token.group(2));
        return postForm("/login", form);
    }

    ResponseEntity<String> get(String path) {
        return exchange(HttpMethod.GET, path, null, null);
    }

    ResponseEntity<String> postForm(String path, LinkedMultiValueMap<String, String> form) {
        return exchange(HttpMethod.POST, path, form, MediaType.APPLICATION_FORM_URLENCODED);
    }

    ResponseEntity<String> exchange(HttpMethod method, String path, Object body, MediaType type) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        extraHeaders.forEach(headers::add);
        if (type != null) {
            headers.setContentType(type);
        }
        if (!cookies.isEmpty()) {
            var pairs = new ArrayList<String>();
            cookies.forEach((name, value) -> pairs.add(name + "=" + value));
            headers.add(HttpHeaders.COOKIE, String.join("; ", pairs));
        }
        var response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        for (String setCookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
            String pair = setCookie.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    /** A CSRF token from a page this client has (e.g. an admin user page's form). */
    static String csrfOf(ResponseEntity<String> page) {
        var token = CSRF.matcher(page.getBody());
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    /** The id of the Spring Session this client holds (the SESSION cookie is its Base64 form). */
    String sessionId() {
        String cookie = cookies.get("SESSION");
        return cookie == null ? null : new String(Base64.getDecoder().decode(cookie));
    }

    static String locationOf(ResponseEntity<?> response) {
        var location = response.getHeaders().getLocation();
        return location == null ? null : location.getPath() + (location.getQuery() == null ? "" : "?" + location.getQuery());
    }
}
