/** Application-wide settings: the clock. */
@org.springframework.modulith.ApplicationModule(displayName = "Configuration",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = "shared")
package org.openattendance.config;
