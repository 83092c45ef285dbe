/**
 * Leave-of-absence requests: a parent's request (online, confirmed by an e-mailed link) or one the school enters
 * from paper, the leave-request process (office check, policy screen, headteacher's decision, letter, register),
 * and the recording of refused leave taken anyway as G.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leave of absence",
        allowedDependencies = { "shared", "security", "school", "register", "notification" })
package org.openattendance.leave;
