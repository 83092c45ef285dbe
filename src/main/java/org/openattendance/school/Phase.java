package org.openattendance.school;

/** A school's phase, with the year groups a school of that phase usually has (each school may set its own). */
public enum Phase {
    NURSERY(-1, 0), PRIMARY(0, 6), MIDDLE(5, 8), SECONDARY(7, 11), ALL_THROUGH(0, 13), SPECIAL(0, 13),
    ALTERNATIVE_PROVISION(0, 13);

    private final int youngestYearGroup;
    private final int finalYearGroup;

    Phase(int youngestYearGroup, int finalYearGroup) {
        this.youngestYearGroup = youngestYearGroup;
        this.finalYearGroup = finalYearGroup;
    }

    public int youngestYearGroup() {
        return youngestYearGroup;
    }

    public int finalYearGroup() {
        return finalYearGroup;
    }
}
