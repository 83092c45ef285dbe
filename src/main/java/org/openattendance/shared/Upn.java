package org.openattendance.shared;

/**
 * A unique pupil number: a check letter followed by 12 characters (3-digit LA number, 4-digit
 * establishment number, 2-digit year of allocation, 3-character serial; a temporary UPN ends in a letter).
 */
public record Upn(String value) {

    private static final String CHECK_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public Upn {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidUpnException(problem);
        }
    }

    public static Upn of(String value) {
        return new Upn(value == null ? null : value.trim().toUpperCase());
    }

    /** Says what is wrong with a candidate UPN, or null when it is valid. */
    public static String problemWith(String value) {
        if (value == null || value.isBlank()) {
            return "UPN is missing";
        }
        if (value.length() != 13) {
            return "UPN '" + value + "' must be 13 characters, not " + value.length();
        }
        for (int i = 1; i < 12; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return "UPN '" + value + "' must have digits in positions 2 to 12";
            }
        }
        char last = value.charAt(12);
        if (!Character.isDigit(last) && CHECK_ALPHABET.indexOf(last) < 0) {
            return "UPN '" + value + "' must end in a digit or a letter of the check alphabet";
        }
        char expected = checkLetterFor(value.substring(1));
        if (value.charAt(0) != expected) {
            return "UPN '" + value + "' has check letter " + value.charAt(0) + " but its digits give " + expected;
        }
        return null;
    }

    /** The check letter for the 12 characters after it (RULES.md, "Unique pupil numbers"). */
    public static char checkLetterFor(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            char c = twelve.charAt(i);
            int weight = i + 2;
            int digit = Character.isDigit(c) ? c - '0' : CHECK_ALPHABET.indexOf(c);
            sum += digit * weight;
        }
        return CHECK_ALPHABET.charAt(sum % 23);
    }

    @Override
    public String toString() {
        return value;
    }

    public static class InvalidUpnException extends IllegalArgumentException {
        public InvalidUpnException(String message) {
            super(message);
        }
    }
}
