package org.openattendance.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away crafted paths before anything reads them: path parameters ({@code ;x=1}), empty segments ({@code //}),
 * dot segments, encoded slashes and percent signs (Spring Security's strict firewall), and letters, digits or
 * {@code - . _ ~} written as percent escapes ({@code /%65ngine-rest}), which no browser sends and which would make
 * the path the security rules see ({@code /%65ngine-rest}) differ from the servlet Tomcat picks ({@code /engine-rest}).
 * Such a request gets 400 and the "problem with your request" page; it used to reach the engine REST servlet and fail
 * there with a 500. Runs first of all filters, also before the session is loaded.
 */
class RequestPathGuard extends OncePerRequestFilter {

    /** A percent escape of an unreserved character (RFC 3986 section 2.3): never needed, only ever a disguise. */
    private static final Pattern ENCODED_UNRESERVED = Pattern.compile("%(?:[46][1-9a-fA-F]|[57][0-9aA]|3[0-9]|2[dDeE]|5[fF]|7[eE])");

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            reject(response);
            return;
        }
        if (ENCODED_UNRESERVED.matcher(request.getRequestURI()).find()) {
            reject(response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
