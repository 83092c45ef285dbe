package org.openattendance.school;

import java.util.Arrays;
import java.util.Optional;

/**
 * The grounds on which a pupil of compulsory school age leaves a school's admission register: regulation 9(1) of the
 * School Attendance (Pupil Registration) (England) Regulations 2024, plus the standard transition at the end of the
 * school's final year (a pupil in its most senior class leaving at or after the end of the last term), for which no
 * deletion return is due. A name may be deleted on no other ground.
 */
public enum DeletionGround {
    REGISTERED_ELSEWHERE("9(1)(a)", "Registered at another school"),
    NURSERY_COMPLETED("9(1)(b)", "Completed nursery education and not continuing at the school"),
    DUAL_REGISTRATION_ENDED("9(1)(c)", "Also registered at another school, which consented to the deletion"),
    ATTENDANCE_ORDER_AMENDED("9(1)(d)", "School attendance order amended to name another school"),
    ATTENDANCE_ORDER_REVOKED("9(1)(e)", "School attendance order revoked: suitable education arranged otherwise"),
    ELECTIVE_HOME_EDUCATION("9(1)(f)", "Educated at home: the parent's written notice received"),
    MOVED_AWAY("9(1)(g)", "No longer lives within a reasonable distance of the school"),
    MEDICALLY_UNFIT("9(1)(h)", "Not fit to attend before leaving compulsory school age (medical advice)"),
    CONTINUOUS_ABSENCE("9(1)(i)", "Absent for 20 school days and not found after the school's and the LA's enquiries"),
    IN_CUSTODY("9(1)(j)", "Detained under a court order of at least four months"),
    DIED("9(1)(k)", "Died"),
    LEAVING_COMPULSORY_AGE("9(1)(l)", "Leaving compulsory school age before the school next meets"),
    PERMANENTLY_EXCLUDED("9(1)(m)", "Permanently excluded"),
    FINAL_YEAR_COMPLETED("transition", "Completed the school's final year (standard transition)");

    private final String regulation;
    private final String label;

    DeletionGround(String regulation, String label) {
        this.regulation = regulation;
        this.label = label;
    }

    public String regulation() {
        return regulation;
    }

    public String label() {
        return label;
    }

    /** Whether the school owes its LA a deletion return: on every ground but the standard transition. */
    public boolean needsReturn() {
        return this != FINAL_YEAR_COMPLETED;
    }

    /**
     * The ground a school or its MIS named: its name ({@code MOVED_AWAY}), its regulation ({@code 9(1)(g)} or
     * {@code g}) or its label, in any case.
     */
    public static Optional<DeletionGround> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.trim();
        String asName = wanted.replace(' ', '_').replace('-', '_');
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(asName)
                || g.regulation.equalsIgnoreCase(wanted) || g.label.equalsIgnoreCase(wanted)
                || (g.regulation.startsWith("9(1)(") && ("(" + g.regulation.charAt(5) + ")").equalsIgnoreCase(wanted))
                || (g.regulation.startsWith("9(1)(") && String.valueOf(g.regulation.charAt(5)).equalsIgnoreCase(wanted)))
                .findFirst();
    }

    /** The grounds a school may name, for error messages. */
    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(DeletionGround::name).toList());
    }
}
