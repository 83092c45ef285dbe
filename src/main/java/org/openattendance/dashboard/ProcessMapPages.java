package org.openattendance.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.openattendance.casework.CaseOverview;
import org.openattendance.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The attendance case process as a diagram with the number of the scope's live cases waiting at each step drawn on
 * it (bpmn-js in the browser), the same counts as a table for everyone (and without JavaScript), and the cases
 * behind each count.
 */
@Controller
class ProcessMapPages {

    /** A step of the process with the number of cases waiting there and the link to them. */
    record StepRow(String activityId, String name, long cases, String href) {
    }

    private final Scopes scopes;
    private final CaseOverview cases;
    private final AuditTrailOfTasks audit;

    ProcessMapPages(Scopes scopes, CaseOverview cases, AuditTrailOfTasks audit) {
        this.scopes = scopes;
        this.cases = cases;
        this.audit = audit;
    }

    @GetMapping({"/dashboard/schools/{key}/casework/process", "/dashboard/las/{key}/casework/process",
            "/dashboard/las/{key}/virtual-school/casework/process"})
    String process(@PathVariable String key, HttpServletRequest request, Model model) {
        Scope scope = scopes.ofPath(request.getRequestURI(), key);
        String base = AttendanceDashboardPages.pathOf(scope) + "/casework/process";
        Map<String, Long> counts = new HashMap<>();
        cases.casesAtSteps(scope.schoolUrns(), scope.pupilIds()).forEach(c -> counts.put(c.activityId(), c.cases()));
        List<StepRow> steps = cases.steps().stream().map(s -> new StepRow(s.activityId(), s.name(),
                counts.getOrDefault(s.activityId(), 0L), base + "/" + s.activityId())).toList();
        model.addAttribute("scope", scope);
        model.addAttribute("casework", AttendanceDashboardPages.pathOf(scope) + "/casework");
        model.addAttribute("steps", steps);
        model.addAttribute("waiting", steps.stream().filter(s -> s.cases() > 0).toList());
        model.addAttribute("tabs", DashboardTabs.of(scopes.user(), scope, "casework"));
        return "dashboard/process";
    }

    @GetMapping({"/dashboard/schools/{key}/casework/process/{activityId}", "/dashboard/las/{key}/casework/process/{activityId}",
            "/dashboard/las/{key}/virtual-school/casework/process/{activityId}"})
    String step(@PathVariable String key, @PathVariable String activityId, HttpServletRequest request, Model model) {
        Scope scope = scopes.ofPath(request.getRequestURI(), key);
        var step = cases.steps().stream().filter(s -> s.activityId().equals(activityId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No step " + activityId + " in the process"));
        var waiting = cases.casesAtStep(scope.schoolUrns(), scope.pupilIds(), activityId);
        audit.pupilsShown(scope, "cases at the step " + step.name());
        model.addAttribute("scope", scope);
        model.addAttribute("step", step);
        model.addAttribute("cases", waiting);
        model.addAttribute("back", AttendanceDashboardPages.pathOf(scope) + "/casework/process");
        model.addAttribute("schoolNames", scopes);
        return "dashboard/process-step";
    }

    /** The deployed model, for bpmn-js to draw. */
    @GetMapping(value = "/dashboard/processes/attendance-case.bpmn")
    ResponseEntity<byte[]> model() {
        scopes.user();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(cases.processModel());
    }
}
