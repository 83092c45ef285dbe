/**
 * Where each pupil stands: the pure calculator, the snapshot kept per pupil and academic year, and the
 * signals published when a pupil crosses a threshold.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attendance",
        allowedDependencies = { "shared", "security", "school", "register" })
package org.openattendance.attendance;
