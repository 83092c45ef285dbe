package org.openattendance.dashboard;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.openattendance.casework.TeamTasks;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.London;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

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
        Scope scope = scopeOf(request.getRequestURI(), key);
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
        Scope scope = scopeOf(request.getRequestURI(), key);
        List<String> scopeTeams = CaseworkDashboard.teamsOf(scope);
        if (team != null && !team.isBlank() && !scopeTeams.contains(team)) {
            throw new InvalidInputException("No team '" + team + "' here");
        }
        var filter = new TeamTasks.Filter(blankToNull(team), blankToNull(type), person);
        long matching = tasks.matching(scopeTeams, filter);
        int pages = (int) Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(pageNumber(page), pages);
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
        List<String> managed = TeamTasks.teamsOf(user);
        model.addAttribute("openable", list.stream().filter(t -> t.groups().stream().anyMatch(managed::contains))
                .map(TeamTasks.TeamTask::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("teamChoices", scopeTeams.stream().map(g -> new String[] {g, teams.label(g)}).toList());
        model.addAttribute("typeChoices", tasks.typeNames(scopeTeams));
        model.addAttribute("filter", filter);
        model.addAttribute("people", teams.people());
        model.addAttribute("teamLabels", teams);
        model.addAttribute("pages", pageLinks(request, pages, current));
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
        model.addAttribute("members", tasks.members(task));
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

    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new InvalidInputException("page must be a whole number from 1, not '" + page + "'");
    }

    private static List<PupilsBehindPages.PageLink> pageLinks(HttpServletRequest request, int pages, int current) {
        if (pages == 1) {
            return List.of();
        }
        var links = new java.util.ArrayList<PupilsBehindPages.PageLink>();
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - current) <= 2) {
                links.add(new PupilsBehindPages.PageLink(n, UriComponentsBuilder.fromUriString(request.getRequestURI())
                        .query(request.getQueryString()).replaceQueryParam("page", n).build().toUriString(), n == current));
            }
        }
        return links;
    }
}
