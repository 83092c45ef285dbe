/** Users, roles and scopes, sign-in, the lock-down of Camunda's webapps and REST API, the audit trail. */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = "shared")
package org.openattendance.security;
