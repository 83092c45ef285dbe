package org.openattendance.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openattendance.school.Cohort;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.Role;
import org.openattendance.security.ScopeDirectory;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.web.Choice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The attendance dashboard of a school, an LA and an LA's Virtual School ({@code /dashboard} is the caller's own),
 * with optional year group and cohort filters.
 */
@Controller
class AttendanceDashboardPages {

    /** A dashboard the caller may open, for those who have more than one. */
    record ScopeLink(String label, String href, String detail) {
    }

    private final Scopes scopes;
    private final AttendanceDashboard dashboard;
    private final SchoolDirectory directory;
    private final ScopeDirectory names;

    AttendanceDashboardPages(Scopes scopes, AttendanceDashboard dashboard, SchoolDirectory directory,
                             ScopeDirectory names) {
        this.scopes = scopes;
        this.dashboard = dashboard;
        this.directory = directory;
        this.names = names;
    }

    @GetMapping("/dashboard")
    String own(@RequestParam(required = false) String yearGroup, @RequestParam(required = false) String cohort,
               Model model) {
        StaffUser user = scopes.user();
        var own = scopes.own();
        if (own.isPresent()) {
            return render(own.get(), pathOf(own.get()), yearGroup, cohort, model);
        }
        if (user.has(Role.SOCIAL_WORKER)) {
            return "redirect:/caseload";
        }
        model.addAttribute("choices", choices(user));
        return "dashboard/choose";
    }

    @GetMapping("/dashboard/schools/{urn}")
    String school(@PathVariable String urn, @RequestParam(required = false) String yearGroup,
                  @RequestParam(required = false) String cohort, Model model) {
        Scope scope = scopes.school(urn);
        return render(scope, pathOf(scope), yearGroup, cohort, model);
    }

    @GetMapping("/dashboard/las/{code}")
    String la(@PathVariable String code, @RequestParam(required = false) String yearGroup,
              @RequestParam(required = false) String cohort, Model model) {
        Scope scope = scopes.la(code);
        return render(scope, pathOf(scope), yearGroup, cohort, model);
    }

    @GetMapping("/dashboard/las/{code}/virtual-school")
    String virtualSchool(@PathVariable String code, @RequestParam(required = false) String yearGroup,
                         @RequestParam(required = false) String cohort, Model model) {
        Scope scope = scopes.virtualSchool(code);
        return render(scope, pathOf(scope), yearGroup, cohort, model);
    }

    static String pathOf(Scope scope) {
        return switch (scope.kind()) {
            case SCHOOL -> "/dashboard/schools/" + scope.key();
            case LA -> "/dashboard/las/" + scope.key();
            case VIRTUAL_SCHOOL -> "/dashboard/las/" + scope.key() + "/virtual-school";
            case CASELOAD -> "/caseload";
        };
    }

    private String render(Scope scope, String path, String yearGroup, String cohort, Model model) {
        Filter filter = Filter.parse(yearGroup, cohort);
        model.addAttribute("d", dashboard.build(scope, path, filter));
        model.addAttribute("yearGroups", yearGroups(filter));
        model.addAttribute("cohorts", cohorts(scope, filter));
        model.addAttribute("tabs", DashboardTabs.of(scopes.user(), scope, "attendance"));
        return "dashboard/attendance";
    }

    private static List<Choice> yearGroups(Filter filter) {
        var options = new ArrayList<Choice>();
        options.add(new Choice("", "All year groups", filter.yearGroup() == null));
        for (int year = -1; year <= 14; year++) {
            options.add(new Choice(Integer.toString(year), CohortFlags.yearGroup(year),
                    filter.yearGroup() != null && filter.yearGroup() == year));
        }
        return options;
    }

    private static List<Choice> cohorts(Scope scope, Filter filter) {
        var options = new ArrayList<Choice>();
        options.add(new Choice("", scope.cohort() == null ? "All pupils" : "All " + CohortFlags.label(scope.cohort())
                .toLowerCase() + " pupils", filter.cohort() == null));
        for (Cohort cohort : CohortFlags.ORDER) {
            if (cohort != scope.cohort()) {
                options.add(new Choice(cohort.name(), CohortFlags.label(cohort), cohort == filter.cohort()));
            }
        }
        return options;
    }

    private List<ScopeLink> choices(StaffUser user) {
        var choices = new ArrayList<ScopeLink>();
        if (user.isAdmin()) {
            for (Map.Entry<String, String> la : names.localAuthorities().entrySet()) {
                choices.add(new ScopeLink(la.getValue(), "/dashboard/las/" + la.getKey(), "Local authority " + la.getKey()));
            }
        }
        for (School school : directory.visibleSchools()) {
            if (user.isAdmin() || user.schools().contains(school.getUrn())) {
                choices.add(new ScopeLink(school.getName(), "/dashboard/schools/" + school.getUrn(), "URN " + school.getUrn()));
            }
        }
        return choices;
    }
}
