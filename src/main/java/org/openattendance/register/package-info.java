/** The attendance register: codes (data), session marks, amendments, register uploads (CSV, JSON). */
@org.springframework.modulith.ApplicationModule(displayName = "Register",
        allowedDependencies = { "shared", "security", "school" })
package org.openattendance.register;
