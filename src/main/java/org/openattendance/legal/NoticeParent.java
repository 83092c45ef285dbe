package org.openattendance.legal;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A parent as a legal record names them, copied when the record is made: the school's pupil upload replaces its
 * parent rows, but a notice keeps naming the person it was issued to.
 *
 * @param dateOfBirth may be null where a record does not need it (a Notice to Improve)
 */
public record NoticeParent(String name, String address, LocalDate dateOfBirth, String email) {

    public NoticeParent {
        name = name == null ? null : name.strip().replaceAll("\\s+", " ");
        address = blankToNull(address);
        email = blankToNull(email);
    }

    /**
     * How one parent is recognised across notices for the same child, e.g. to count their notices in three years:
     * the name in lower case with single spaces, and the date of birth.
     */
    public String key() {
        return keyOf(name, dateOfBirth);
    }

    static String keyOf(String name, LocalDate dateOfBirth) {
        String normalised = name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.UK);
        return normalised + "|" + (dateOfBirth == null ? "" : dateOfBirth);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
