/** Application-wide settings: the clock. */
@org.springframework.modulith.ApplicationModule(displayName = "Configuration",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package org.openattendance.config;
