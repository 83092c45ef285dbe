package org.openattendance.operations;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.openattendance.shared.web.DatabaseUnavailable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before Spring Security. While the database cannot be reached, answers 503 with a message (JSON for the API,
 * the "service unavailable" page for people) instead of trying: a sign-in would wait for a connection and then fail
 * like a wrong password. A refusal of credentials (401, or the sign-in page's error) that happens while the database
 * is found unreachable is turned into the same 503.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Set<String> STATIC = Set.of("/webjars/", "/css/", "/js/", "/assets/", "/favicon.ico");
    static final String API_BODY = "{\"status\":503,\"error\":\"" + DatabaseUnavailable.MESSAGE.replace("\"", "'") + "\"}";

    private final DatabaseWatch database;

    DatabaseOutageFilter(DatabaseWatch database) {
        this.database = database;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return STATIC.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!database.reachable()) {
            unavailable(request, response);
            return;
        }
        chain.doFilter(request, new OutageAwareResponse(request, response));
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/engine-rest/");
    }

    static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "30");
        if (isApi(request)) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(API_BODY);
        } else {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    /** Holds back a refusal of credentials until the database has been checked: if it is unreachable, a 503 instead. */
    private final class OutageAwareResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        OutageAwareResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status == HttpStatus.UNAUTHORIZED.value() && !database.checkNow()) {
                unavailable(request, (HttpServletResponse) getResponse());
            } else {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (status == HttpStatus.UNAUTHORIZED.value() && !database.checkNow()) {
                unavailable(request, (HttpServletResponse) getResponse());
            } else {
                super.sendError(status);
            }
        }

        @Override
        public void setStatus(int status) {
            if (status == HttpStatus.UNAUTHORIZED.value() && !database.checkNow()) {
                super.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                setHeader("Retry-After", "30");
            } else {
                super.setStatus(status);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (location.contains("/login?error") && !database.checkNow()) {
                unavailable(request, (HttpServletResponse) getResponse());
            } else {
                super.sendRedirect(location);
            }
        }
    }
}
