package org.openattendance.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every request of a signed-in session (pages, admin pages, Camunda's webapps), before anything else: the
 * session ends if the user's security stamp in the users table is no longer the one they signed in with (their
 * roles, schools, LA or password changed, or they were disabled), or if the session has reached its absolute
 * lifetime however busy it was. The next page asks them to sign in again, with the rights they have now.
 */
class SignedInSessionCheck extends OncePerRequestFilter {

    /** Why a session ended: the sign-in page says so. */
    enum Ended {
        CHANGED("changed"), EXPIRED("expired");

        final String parameter;

        Ended(String parameter) {
            this.parameter = parameter;
        }
    }

    private final StaffUserStore users;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration absoluteLifetime;

    SignedInSessionCheck(StaffUserStore users, AuditTrail audit, Clock clock, Duration absoluteLifetime) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.absoluteLifetime = absoluteLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Optional<Ended> ended = session == null ? Optional.empty() : check(session);
        if (ended.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        session.invalidate();
        SecurityContextHolder.clearContext();
        if (wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + "/login?" + ended.get().parameter);
        } else {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    private Optional<Ended> check(HttpSession session) {
        if (!(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context)
                || context.getAuthentication() == null
                || !(context.getAuthentication().getPrincipal() instanceof StaffUser user)
                || !(context.getAuthentication().getDetails() instanceof SignInDetails details)
                || user.securityStamp() == 0) {
            // Not signed in through the sign-in form (the only way a session is signed in here; tests put users
            // in sessions of their own), or a principal never read from the users table: nothing to compare.
            return Optional.empty();
        }
        Optional<Long> current = users.currentStamp(user.username());
        if (current.isEmpty() || current.get() != user.securityStamp()) {
            audit.sessionEnded(user.username(), user.rolesText(),
                    current.isEmpty() ? "session ended: the account was disabled or removed"
                            : "session ended: the user's roles, scope or password changed");
            return Optional.of(Ended.CHANGED);
        }
        if (details.signedInAt().plus(absoluteLifetime).isBefore(clock.instant())) {
            audit.sessionEnded(user.username(), user.rolesText(),
                    "session ended: signed in more than " + readable(absoluteLifetime) + " ago");
            return Optional.of(Ended.EXPIRED);
        }
        return Optional.empty();
    }

    static String readable(Duration duration) {
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
    }

    /** A browser asking for a page gets the sign-in page; scripts (Cockpit's API calls) get 401. */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")
                && (accept == null || accept.contains("text/html") || accept.contains("*/*"));
    }
}
