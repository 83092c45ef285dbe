package org.openattendance.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the XSRF token of a changing call to Camunda's webapps before Camunda's own CsrfPreventionFilter does,
 * and refuses a call without it (403) while keeping the session. Camunda's filter invalidates the whole HTTP
 * session on a missing or wrong token, which here is the administrator's session for the application as well: one
 * stray call (or a page on another site making one) would have signed them out of everything. A call with the
 * right token passes on unchanged, to Camunda's filter.
 */
class CamundaXsrfGuard extends OncePerRequestFilter {

    /** Names Camunda's webapps use (CsrfConstants): the session attribute and the request header. */
    static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod()) || tokenMatches(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HEADER, "Required");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getOutputStream().write(
                "{\"type\":\"Forbidden\",\"message\":\"The request has no valid X-XSRF-TOKEN header; reload the page\"}"
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean tokenMatches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String header = request.getHeader(HEADER);
        if (session == null || header == null || header.isBlank()) {
            return false;
        }
        return session.getAttribute(SESSION_TOKEN) instanceof String expected
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }
}
