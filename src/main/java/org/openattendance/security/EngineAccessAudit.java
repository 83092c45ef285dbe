package org.openattendance.security;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits what administrators do through Camunda's engine REST API and the webapps' own API (Cockpit's reads of
 * process instances and their variables hold pupils' details): method, path and query, and the answer's status. A
 * UPN in the path or query names the pupil, so the call is found when searching by pupil.
 */
class EngineAccessAudit extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern UPN = Pattern.compile("(?<![A-Za-z0-9])[A-Z][0-9]{11}[0-9A-Z](?![A-Za-z0-9])");

    private final AuditTrail audit;

    EngineAccessAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean webappAsset = path.startsWith("/camunda/") && !path.startsWith("/camunda/api/");
            if (!webappAsset && !path.startsWith("/camunda/api/admin/auth/") && SignedIn.userOrNull() != null) {
                String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
                Matcher upn = UPN.matcher(path + query);
                audit.engineCall(READS.contains(request.getMethod()) ? AuditTrail.Action.READ_ENGINE : AuditTrail.Action.CHANGE_ENGINE,
                        path, upn.find() ? upn.group() : null,
                        request.getMethod() + " " + path + query + " answered " + response.getStatus());
            }
        }
    }
}
