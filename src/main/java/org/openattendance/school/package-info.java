/** Schools, their calendars, pupils on roll, parents and carers, cohort flags. */
@org.springframework.modulith.ApplicationModule(displayName = "Schools and pupils",
        allowedDependencies = { "shared", "security" })
package org.openattendance.school;
