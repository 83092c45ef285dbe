package org.openattendance.dashboard;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The DfE's attendance and absence measures of a school or an LA, by default for the academic year to date. */
@RestController
class AttendanceSummaryApi {

    private final Scopes scopes;
    private final Summaries summaries;

    AttendanceSummaryApi(Scopes scopes, Summaries summaries) {
        this.scopes = scopes;
        this.summaries = summaries;
    }

    @GetMapping("/api/schools/{urn}/attendance-summary")
    AttendanceSummary school(@PathVariable String urn,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) String yearGroup,
                             @RequestParam(required = false) String cohort) {
        return summary(scopes.school(urn), from, to, yearGroup, cohort);
    }

    @GetMapping("/api/las/{code}/attendance-summary")
    AttendanceSummary la(@PathVariable String code,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) String yearGroup,
                         @RequestParam(required = false) String cohort) {
        return summary(scopes.la(code), from, to, yearGroup, cohort);
    }

    private AttendanceSummary summary(Scope scope, LocalDate from, LocalDate to, String yearGroup, String cohort) {
        Filter filter = Filter.parse(yearGroup, cohort);
        Period period = Period.of(from, to, summaries.today());
        return AttendanceSummary.of(period, summaries.figures(scope, period, filter));
    }
}
