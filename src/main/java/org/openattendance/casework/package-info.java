/** The attendance case: one per pupil and academic year, run by Camunda; stages, tasks, decisions, signals. */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package org.openattendance.casework;
