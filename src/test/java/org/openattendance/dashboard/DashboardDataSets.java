package org.openattendance.dashboard;

import org.openattendance.school.SchoolAdministration;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.stereotype.Component;

/** Loads the dashboard tests' hand-worked data sets through the application's own API, each with schools of its own. */
@Component
public class DashboardDataSets {

    private final Fixtures fixtures;
    private final SchoolAdministration schools;
    /** Only the integration tests' context (on a random port) has one; the demo's and the benchmarks' contexts do not. */
    private final ObjectProvider<TestRestTemplate> http;

    DashboardDataSets(Fixtures fixtures, SchoolAdministration schools, ObjectProvider<TestRestTemplate> http) {
        this.fixtures = fixtures;
        this.schools = schools;
        this.http = http;
    }

    /** Two schools of one LA, five school days of marks and the users of every role: see {@link DashboardScenario}. */
    public DashboardScenario scenario() {
        return new DashboardScenario(fixtures, schools, http.getObject());
    }

    /** The school whose figures {@link HandWorkedSchool} works out by hand. */
    HandWorkedSchool handWorkedSchool() {
        return new HandWorkedSchool(fixtures, schools, http.getObject());
    }
}
