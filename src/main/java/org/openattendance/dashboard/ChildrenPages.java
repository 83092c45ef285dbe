package org.openattendance.dashboard;

import org.openattendance.security.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A social worker's caseload (their home page) and a Virtual School Head's looked-after children, each a list of
 * children with their attendance, band, unexplained absences and case.
 */
@Controller
class ChildrenPages {

    private final Scopes scopes;
    private final ChildrenList children;
    private final AuditTrail audit;

    ChildrenPages(Scopes scopes, ChildrenList children, AuditTrail audit) {
        this.scopes = scopes;
        this.children = children;
        this.audit = audit;
    }

    @GetMapping("/caseload")
    String caseload(Model model) {
        Scope scope = scopes.caseload();
        var entries = children.of(scope);
        audit.record(AuditTrail.Action.READ_PUPIL, "caseload", scope.key(), entries.size() + " pupils");
        model.addAttribute("scope", scope);
        model.addAttribute("heading", "Your caseload");
        model.addAttribute("intro", "The children whose social worker you are, at every school they attend.");
        model.addAttribute("entries", entries);
        model.addAttribute("tabs", null);
        return "dashboard/children";
    }

    @GetMapping("/dashboard/las/{code}/virtual-school/children")
    String virtualSchool(@PathVariable String code, Model model) {
        Scope scope = scopes.virtualSchool(code);
        var entries = children.of(scope);
        audit.record(AuditTrail.Action.READ_PUPIL, "dashboard", scope.kind() + " " + scope.key(),
                "looked-after children: " + entries.size() + " pupils");
        model.addAttribute("scope", scope);
        model.addAttribute("heading", scope.label() + ": the children");
        model.addAttribute("intro", "The looked-after children on the roll of " + scopes.laName(code)
                + "'s schools, as one virtual school.");
        model.addAttribute("entries", entries);
        model.addAttribute("tabs", DashboardTabs.of(scopes.user(), scope, "children"));
        return "dashboard/children";
    }
}
