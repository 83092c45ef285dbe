package org.openattendance.leave;

import java.util.Arrays;
import java.util.Optional;

/** The reasons a parent chooses from; the details say more. The policy screen (leave-reason-screen.dmn) reads them. */
enum LeaveReason {
    FAMILY_HOLIDAY("A family holiday"),
    FUNERAL("A funeral of a close relative"),
    WEDDING("A wedding of a close relative"),
    SERIOUS_ILLNESS_IN_FAMILY("Visiting a seriously ill relative"),
    REGULATED_PERFORMANCE("A regulated performance or regulated employment abroad (with a licence)"),
    FORCES_FAMILY("A parent's return from service in the armed forces"),
    OTHER("Something else (say what in the details)");

    private final String label;

    LeaveReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<LeaveReason> parse(String text) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
    }
}
