package org.openattendance.attendance.calculator;

import java.util.Set;

/**
 * The code sets that are local policy rather than law. An LA may change them; every code must
 * be in the code table the calculator is built with.
 */
public record AttendancePolicy(Set<String> penaltyCodes, Set<String> unexplainedCodes, Set<String> illnessCodes) {

    public static final AttendancePolicy DEFAULT = new AttendancePolicy(
            AttendanceCalculator.DEFAULT_PENALTY_CODES,
            AttendanceCalculator.DEFAULT_UNEXPLAINED_CODES,
            AttendanceCalculator.DEFAULT_ILLNESS_CODES);

    public AttendancePolicy {
        penaltyCodes = requireNonEmpty(penaltyCodes, "penaltyCodes");
        unexplainedCodes = requireNonEmpty(unexplainedCodes, "unexplainedCodes");
        illnessCodes = requireNonEmpty(illnessCodes, "illnessCodes");
    }

    private static Set<String> requireNonEmpty(Set<String> codes, String name) {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException(name + " must name at least one code");
        }
        return Set.copyOf(codes);
    }
}
