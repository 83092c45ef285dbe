package org.openattendance.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;

/**
 * Audits a signed-in user's request for a path their roles do not open (an attendance officer at /camunda or
 * /engine-rest, a social worker at an admin page). Visitors who are not signed in are sent to sign in, not audited.
 */
@Component
class RefusedRequestAudit {

    private final AuditTrail audit;

    RefusedRequestAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void refused(AuthorizationDeniedEvent<?> event) {
        if (event.getAuthentication().get() != null
                && event.getAuthentication().get().getPrincipal() instanceof StaffUser
                && event.getObject() instanceof HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            audit.refused(AuditTrail.Action.OPEN_PAGE, "path", path, null,
                    request.getMethod() + " " + path + ": not open to their roles");
        }
    }
}
