package org.openattendance.legal;

/** The grounds on which an LA may withdraw a penalty notice (RULES.md section 4); no other. */
public enum WithdrawalGround {
    NO_OFFENCE("No offence was committed"),
    OUTSIDE_CODE_OF_CONDUCT("Issued outside the LA's code of conduct"),
    WRONG_PERSON_OR_ADDRESS("Issued to the wrong person or address"),
    MATERIAL_ERROR("The notice contains a material error");

    private final String label;

    WithdrawalGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
