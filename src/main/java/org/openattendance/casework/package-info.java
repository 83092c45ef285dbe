/** The attendance case: one per pupil and academic year, run by Camunda; stages, tasks, decisions, signals. */
@org.springframework.modulith.ApplicationModule(displayName = "Casework",
        allowedDependencies = { "shared", "security", "school", "register", "attendance", "notification", "leave",
                "missingeducation" })
package org.openattendance.casework;
