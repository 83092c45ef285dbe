package org.openattendance.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.openattendance.casework.TeamTasks;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.web.Pagination;
import org.openattendance.shared.London;
import org.openattendance.shared.web.Choice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The casework dashboard of a school, an LA and the Virtual School; the list of the teams' tasks, oldest first; a
 * task as its team's manager sees it, and giving it to another member of the team.
 */
@Controller
class CaseworkDashboardPages {

    private static final int PAGE_SIZE = 50;

    private final Scopes scopes;
    private final CaseworkDashboard dashboard;
    private final TeamTasks tasks;
    private final TeamLabels teams;
    private final AuditTrailOfTasks audit;
    private final TaskPupils pupils;

    CaseworkDashboardPages(Scopes scopes, CaseworkDashboard dashboard, TeamTasks tasks, TeamLabels teams,
                           AuditTrailOfTasks audit, TaskPupils pupils) {
        this.pupils = pupils;
        this.scopes = scopes;
        this.dashboard = dashboard;
        this.tasks = tasks;
        this.teams = teams;
        this.audit = audit;
    }

    @GetMapping("/dashboard/casework")
    String own() {
        var own = scopes.own();
        if (own.isEmpty()) {
            return "redirect:/dashboard";
        }
        return "redirect:" + AttendanceDashboardPages.pathOf(own.get()) + "/casework";
    }

    @GetMapping({"/dashboard/schools/{key}/casework", "/dashboard/las/{key}/casework",
            "/dashboard/las/{key}/virtual-school/casework"})
    String casework(@PathVariable String key, HttpServletRequest request, Model model) {
        Scope scope = scopes.ofPath(request.getRequestURI(), key);
        String base = AttendanceDashboardPages.pathOf(scope);
        var d = dashboard.build(scopes.user(), scope, base);
        if (!d.noticesWithoutSupport().isEmpty() || !d.oldestTasks().isEmpty()) {
            audit.pupilsShown(scope, "casework dashboard");
        }
        model.addAttribute("d", d);
        model.addAttribute("pupils", pupils.of(d.oldestTasks()));
        model.addAttribute("people", teams.people());
        model.addAttribute("tabs", DashboardTabs.of(scopes.user(), scope, "casework"));
        return "dashboard/casework";
    }

    @GetMapping({"/dashboard/schools/{key}/casework/tasks", "/dashboard/las/{key}/casework/tasks",
            "/dashboard/las/{key}/virtual-school/casework/tasks"})
    String taskList(@PathVariable String key, @RequestParam(required = false) String team,
                    @RequestParam(required = false) String type, @RequestParam(required = false) String person,
                    @RequestParam(required = false) String page, HttpServletRequest request, Model model) {
        Scope scope = scopes.ofPath(request.getRequestURI(), key);
        List<String> scopeTeams = CaseworkDashboard.teamsOf(scope);
        if (team != null && !team.isBlank() && !scopeTeams.contains(team)) {
            throw new InvalidInputException("No team '" + team + "' here");
        }
        var filter = new TeamTasks.Filter(blankToNull(team), blankToNull(type), person);
        long matching = tasks.matching(scopeTeams, filter);
        int pages = (int) Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Pagination.pageNumber(page), pages);
        var list = tasks.oldest(scopeTeams, filter, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        if (!list.isEmpty()) {
            audit.pupilsShown(scope, "tasks of the teams");
        }
        StaffUser user = scopes.user();
        model.addAttribute("scope", scope);
        model.addAttribute("base", AttendanceDashboardPages.pathOf(scope));
        model.addAttribute("tasks", list);
        model.addAttribute("pupils", pupils.of(list));
        model.addAttribute("matching", matching);
        model.addAttribute("openable", CaseworkDashboard.openableBy(TeamTasks.teamsOf(user), list));
        var teamChoices = new ArrayList<Choice>(List.of(Choice.of("", "Every team", filter.team())));
        scopeTeams.forEach(g -> teamChoices.add(Choice.of(g, teams.label(g), filter.team())));
        model.addAttribute("teamChoices", teamChoices);
        var typeChoices = new ArrayList<Choice>(List.of(Choice.of("", "Every task", filter.taskKey())));
        tasks.typeNames(scopeTeams).forEach((taskKey, name) -> typeChoices.add(Choice.of(taskKey, name, filter.taskKey())));
        model.addAttribute("typeChoices", typeChoices);
        model.addAttribute("filter", filter);
        model.addAttribute("people", teams.people());
        model.addAttribute("teamLabels", teams);
        model.addAttribute("pages", PupilsBehindPages.PageLink.of(request, pages, current));
        model.addAttribute("tabs", DashboardTabs.of(user, scope, "casework"));
        return "dashboard/tasks";
    }

    /** A task of a team the signed-in manager manages (404 otherwise), with who it may be given to. */
    @GetMapping("/dashboard/tasks/{id}")
    String task(@PathVariable String id, Model model) {
        StaffUser manager = scopes.user();
        var task = tasks.task(manager, id);
        audit.taskShown(task);
        model.addAttribute("task", task);
        model.addAttribute("pupil", pupils.of(task));
        var assignees = new ArrayList<Choice>();
        tasks.members(task).forEach(m -> assignees.add(Choice.of(m.username(), teams.person(m.username()), task.assignee())));
        assignees.add(Choice.divider("or"));
        assignees.add(new Choice("", "Nobody: put it back on the team's list", task.assignee() == null));
        model.addAttribute("assignees", assignees);
        model.addAttribute("teamLabels", teams);
        model.addAttribute("today", LocalDate.now(London.ZONE));
        return "dashboard/task";
    }

    @PostMapping("/dashboard/tasks/{id}/assignee")
    String reassign(@PathVariable String id, @RequestParam(required = false) String assignee,
                    RedirectAttributes redirect) {
        StaffUser manager = scopes.user();
        var task = tasks.reassign(manager, id, assignee);
        redirect.addFlashAttribute("reassigned", task.assignee() == null ? "The task is back on the team's list."
                : "The task is now assigned to " + teams.person(task.assignee()) + ".");
        return "redirect:/dashboard/tasks/" + id;
    }

    private Scope scopeOf(String uri, String key) {
        if (uri.startsWith("/dashboard/schools/")) {
            return scopes.school(key);
        }
        if (uri.contains("/virtual-school/")) {
            return scopes.virtualSchool(key);
        }
        return scopes.la(key);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
