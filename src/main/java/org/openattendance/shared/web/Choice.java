package org.openattendance.shared.web;

import java.util.Objects;

/**
 * One choice of a GOV.UK select or radios group, as the {@code selectInput}, {@code filterSelect} and {@code radios}
 * fragments show it: the value sent, the words shown and whether it is the one chosen now.
 */
public record Choice(String value, String label, boolean selected) {

    /** A choice that is selected when its value is the one {@code current} (as sent back by the form). */
    public static Choice of(String value, String label, String current) {
        return new Choice(value, label, Objects.equals(value, current));
    }

    /** The divider between radios ("or"): shown as words, not a choice. */
    public static Choice divider(String words) {
        return new Choice(null, words, false);
    }
}
