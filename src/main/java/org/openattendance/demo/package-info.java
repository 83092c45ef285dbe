/**
 * Demo data for the default run (profile {@code demo}): one LA, three schools with their calendars, a few hundred
 * pupils with their families, staff users (password {@code demo}) and two academic years of register marks, all
 * stored through the application's own services so they pass the same checks as real data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = { "shared", "security", "school", "register", "leave", "casework", "legal" })
package org.openattendance.demo;
