package org.openattendance.register;

/** One statutory attendance code, as shipped in attendance-codes.csv. */
public record AttendanceCode(String code, String category, boolean countsAsPossible, boolean countsAsAttended,
                             boolean countsTowardPenaltyThreshold, String meaning) {
}
