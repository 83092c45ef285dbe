package org.openattendance.attendance;

import org.openattendance.attendance.calculator.AttendanceCalculator;
import org.springframework.stereotype.Component;

/**
 * The pure calculator as the application configures it (the register's code table, the policy settings), for
 * modules that summarise marks over periods of their own, such as the dashboards' weekly figures: they count
 * possible, attended, authorised and unauthorised sessions the way the snapshots do, never by their own rules.
 */
@Component
public class ConfiguredCalculator {

    private final CalculatorSetup setup;

    ConfiguredCalculator(CalculatorSetup setup) {
        this.setup = setup;
    }

    public AttendanceCalculator calculator() {
        return setup.calculator();
    }
}
