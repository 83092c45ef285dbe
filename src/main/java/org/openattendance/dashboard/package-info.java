/**
 * Dashboards and oversight: attendance figures that match the DfE's definitions for a school, an LA, the Virtual
 * School and a caseload (pages, CSV exports and the summary API), the casework dashboard (cases by stage, tasks of a
 * manager's teams, time in each stage, what followed each intervention, the process diagrams with live counts),
 * people's own views (caseload, virtual school, the termly targeting meeting pack). Reads its own weekly
 * aggregates, kept up to date after every register load and pupil change, and never raw marks when asked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards",
        allowedDependencies = { "shared", "security", "school", "register", "attendance", "attendance :: calculator",
                "casework", "legal" })
package org.openattendance.dashboard;
