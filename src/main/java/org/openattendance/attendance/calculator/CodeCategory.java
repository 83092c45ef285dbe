package org.openattendance.attendance.calculator;

/**
 * The statutory category of an attendance code. Each category fixes whether its codes count
 * as possible and as attended; {@link CodeClassification} checks the code table agrees, so
 * attendance % and absence % always add to 100.
 */
public enum CodeCategory {
    PRESENT(true, true),
    APPROVED_EDUCATIONAL_ACTIVITY(true, true),
    AUTHORISED(true, false),
    UNAUTHORISED(true, false),
    NOT_COUNTED(false, false);

    private final boolean possible;
    private final boolean attended;

    CodeCategory(boolean possible, boolean attended) {
        this.possible = possible;
        this.attended = attended;
    }

    boolean expectsPossible() {
        return possible;
    }

    boolean expectsAttended() {
        return attended;
    }
}
