package org.openattendance.attendance.calculator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A pupil's time on roll at one school. Both dates are inclusive; {@code leavingDate} is null
 * while the pupil is still on roll.
 */
public record EnrolmentDates(LocalDate admissionDate, LocalDate leavingDate) {

    public EnrolmentDates {
        Objects.requireNonNull(admissionDate, "admissionDate");
        if (leavingDate != null && leavingDate.isBefore(admissionDate)) {
            throw new IllegalArgumentException("Leaving date " + leavingDate + " is before admission date " + admissionDate);
        }
    }

    public static EnrolmentDates onRollSince(LocalDate admissionDate) {
        return new EnrolmentDates(admissionDate, null);
    }
}
