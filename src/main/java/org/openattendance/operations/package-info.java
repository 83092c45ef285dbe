/**
 * Running the service: the database watch (503 with a message while the database is unreachable, readiness for the
 * load balancer), health indicators and metrics on the management port, the OpenAPI description of the JSON API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = "shared")
package org.openattendance.operations;
