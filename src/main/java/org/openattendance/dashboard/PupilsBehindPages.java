package org.openattendance.dashboard;

import java.util.List;

import org.openattendance.shared.web.Pagination;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pupils behind each number of a dashboard, as a page (50 to a page) and as CSV, and each dashboard table as
 * CSV. The same scope checks as the dashboards (404 outside).
 */
@Controller
class PupilsBehindPages {

    static final int PAGE_SIZE = 50;

    /** A link to another page of the list. */
    record PageLink(int number, String href, boolean current) {

        /** The first and last pages and two either side of the current one, each a link to the request's page. */
        static List<PageLink> of(jakarta.servlet.http.HttpServletRequest request, int pages, int current) {
            if (pages == 1) {
                return List.of();
            }
            var links = new java.util.ArrayList<PageLink>();
            for (int n = 1; n <= pages; n++) {
                if (n == 1 || n == pages || Math.abs(n - current) <= 2) {
                    links.add(new PageLink(n, UriComponentsBuilder.fromUriString(request.getRequestURI())
                            .query(request.getQueryString()).replaceQueryParam("page", n).build().toUriString(), n == current));
                }
            }
            return links;
        }
    }

    private final Scopes scopes;
    private final PupilsBehind pupils;
    private final AttendanceDashboard dashboard;

    PupilsBehindPages(Scopes scopes, PupilsBehind pupils, AttendanceDashboard dashboard) {
        this.scopes = scopes;
        this.pupils = pupils;
        this.dashboard = dashboard;
    }

    @GetMapping({"/dashboard/schools/{key}/pupils", "/dashboard/las/{key}/pupils", "/dashboard/las/{key}/virtual-school/pupils"})
    String page(@PathVariable String key, @RequestParam(required = false) String measure,
                @RequestParam(required = false) String week, @RequestParam(required = false) String school,
                @RequestParam(required = false) String yearGroup, @RequestParam(required = false) String cohort,
                @RequestParam(required = false) String code, @RequestParam(required = false) String page,
                jakarta.servlet.http.HttpServletRequest request, Model model) {
        Scope scope = scopes.ofPath(request.getRequestURI(), key);
        var listing = pupils.list(scope, measure, week, school, Filter.parse(yearGroup, cohort), code);
        int pages = Math.max(1, (listing.rows().size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Pagination.pageNumber(page), pages);
        int from = (current - 1) * PAGE_SIZE;
        model.addAttribute("listing", listing);
        model.addAttribute("rows", listing.rows().subList(from, Math.min(listing.rows().size(), from + PAGE_SIZE)));
        model.addAttribute("first", from + 1);
        model.addAttribute("pages", PupilsBehindPages.PageLink.of(request, pages, current));
        model.addAttribute("dashboardHref", AttendanceDashboardPages.pathOf(scope));
        model.addAttribute("csvHref", UriComponentsBuilder.fromUriString(request.getRequestURI().replaceFirst("/pupils$", "/pupils.csv"))
                .query(request.getQueryString()).replaceQueryParam("page").build().toUriString());
        model.addAttribute("manySchools", scope.schoolUrns().size() > 1 && school == null);
        return "dashboard/pupils";
    }

    @GetMapping({"/dashboard/schools/{key}/pupils.csv", "/dashboard/las/{key}/pupils.csv",
            "/dashboard/las/{key}/virtual-school/pupils.csv"})
    ResponseEntity<byte[]> csv(@PathVariable String key, @RequestParam(required = false) String measure,
                               @RequestParam(required = false) String week, @RequestParam(required = false) String school,
                               @RequestParam(required = false) String yearGroup, @RequestParam(required = false) String cohort,
                               @RequestParam(required = false) String code, jakarta.servlet.http.HttpServletRequest request) {
        Scope scope = scopes.ofPath(request.getRequestURI(), key);
        var listing = pupils.list(scope, measure, week, school, Filter.parse(yearGroup, cohort), code);
        var format = new DashboardFormat();
        var csv = new Csv("UPN", "Name", "School", "URN", "Year group", "Possible sessions", "Attended", "Attendance %",
                "Authorised absence", "Unauthorised absence", "Late after the register closed", "Absence band", "Detail");
        for (var row : listing.rows()) {
            csv.row(row.upn(), row.name(), row.schoolName(), row.schoolUrn(), format.yearGroup(row.yearGroup()),
                    row.sessions().possible(), row.sessions().attended(), row.attendancePercent(),
                    row.sessions().authorised(), row.sessions().unauthorised(), row.sessions().late(), row.band(),
                    row.detail());
        }
        return csv.download("pupils-" + listing.measure().name().toLowerCase() + ".csv");
    }

    @GetMapping({"/dashboard/schools/{key}/{table}.csv", "/dashboard/las/{key}/{table}.csv",
            "/dashboard/las/{key}/virtual-school/{table}.csv"})
    ResponseEntity<byte[]> table(@PathVariable String key, @PathVariable String table,
                                 @RequestParam(required = false) String yearGroup,
                                 @RequestParam(required = false) String cohort,
                                 jakarta.servlet.http.HttpServletRequest request) {
        Scope scope = scopes.ofPath(request.getRequestURI(), key);
        var d = dashboard.build(scope, AttendanceDashboardPages.pathOf(scope), Filter.parse(yearGroup, cohort));
        var format = new DashboardFormat();
        Csv csv;
        switch (table) {
            case "by-school", "by-year-group", "by-cohort" -> {
                String first = table.equals("by-school") ? "School" : table.equals("by-year-group") ? "Year group" : "Pupils";
                csv = new Csv(first, "Pupils", "Possible sessions", "Attendance %", "Overall absence %",
                        "Authorised absence %", "Unauthorised absence %", "Persistently absent", "Persistent absence %",
                        "Severely absent", "Severe absence %", "Late after the register closed",
                        d.comparisonLabel() == null ? "Comparison attendance %" : d.comparisonLabel() + " attendance %",
                        d.comparisonLabel() == null ? "Comparison persistent absence %"
                                : d.comparisonLabel() + " persistent absence %");
                List<AttendanceDashboard.Row> rows = table.equals("by-school") ? d.bySchool()
                        : table.equals("by-year-group") ? d.byYear() : d.byCohort();
                for (var row : rows) {
                    Figures f = row.figures();
                    Figures c = row.comparison();
                    csv.row(row.label(), f.pupils(), f.sessions().possible(), f.attendancePercent(),
                            f.overallAbsencePercent(), f.authorisedAbsencePercent(), f.unauthorisedAbsencePercent(),
                            f.tally().persistent(), f.persistentAbsencePercent(), f.tally().severe(),
                            f.severeAbsencePercent(), f.sessions().late(), c == null ? null : c.attendancePercent(),
                            c == null ? null : c.persistentAbsencePercent());
                }
            }
            case "by-week" -> {
                csv = new Csv("Week beginning", "Possible sessions", "Attendance % that week",
                        "Pupils absent 10% or more that week", "Persistent absence % to the end of the week");
                for (var week : d.trend()) {
                    csv.row(week.monday(), week.week().sessions().possible(), week.attendancePercent(),
                            week.week().persistent(), week.persistentPercent());
                }
            }
            case "by-reason" -> {
                csv = new Csv("Code", "Reason", "Absence", "Sessions", "% of possible sessions");
                for (var reason : d.reasons()) {
                    csv.row(reason.code(), reason.meaning(), reason.categoryLabel(), reason.sessions(),
                            reason.percentOfPossible());
                }
            }
            default -> throw new org.openattendance.shared.NotFoundException("No table " + table);
        }
        return csv.download(scope.label().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase() + "-" + table + ".csv");
    }
}
