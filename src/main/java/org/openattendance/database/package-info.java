/** Where the data lives: an embedded PostgreSQL for the default run and the tests, or an external one. */
@org.springframework.modulith.ApplicationModule(displayName = "Database",
        allowedDependencies = {})
package org.openattendance.database;
