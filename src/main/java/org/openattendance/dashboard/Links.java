package org.openattendance.dashboard;

import java.time.LocalDate;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a dashboard: every number goes to the pupils behind it (the same scope and filter, narrowed to the
 * number's school, year group, cohort, week or code), every table to its CSV.
 */
record Links(String basePath, Filter filter, LocalDate lastWeek) {

    /** The pupils behind a year-to-date figure of the whole scope. */
    public String pupils(String measure) {
        return builder(measure).toUriString();
    }

    /** The pupils behind a figure of the last school week. */
    public String lastWeek(String measure) {
        return builder(measure).queryParam("week", lastWeek).toUriString();
    }

    public String inWeek(String measure, LocalDate monday) {
        return builder(measure).queryParam("week", monday).toUriString();
    }

    public String row(String measure, AttendanceDashboard.Row row) {
        var builder = builder(measure);
        if (row.school() != null) {
            builder.queryParam("school", row.school());
        }
        if (row.yearGroup() != null) {
            builder.replaceQueryParam("yearGroup", row.yearGroup());
        }
        if (row.cohort() != null) {
            builder.replaceQueryParam("cohort", row.cohort().name());
        }
        return builder.toUriString();
    }

    public String code(String code) {
        return builder("code").queryParam("code", code).toUriString();
    }

    public String csv(String table) {
        var builder = UriComponentsBuilder.fromPath(basePath + "/" + table + ".csv");
        filterParams(builder);
        return builder.encode().toUriString();
    }

    /** This dashboard with another filter (or none). */
    public String dashboard() {
        return basePath;
    }

    private UriComponentsBuilder builder(String measure) {
        var builder = UriComponentsBuilder.fromPath(basePath + "/pupils").queryParam("measure", measure);
        filterParams(builder);
        return builder.encode();
    }

    private void filterParams(UriComponentsBuilder builder) {
        if (filter.yearGroup() != null) {
            builder.queryParam("yearGroup", filter.yearGroup());
        }
        if (filter.cohort() != null) {
            builder.queryParam("cohort", filter.cohort().name());
        }
    }
}
