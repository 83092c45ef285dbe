package org.openattendance.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openattendance.school.Cohort;

/**
 * The cohorts a dashboard breaks down by, each with a fixed bit (stored in the aggregates, so a new cohort in the
 * school module does not shift the others) and the words staff use.
 */
final class CohortFlags {

    private static final Map<Cohort, Integer> BITS = Map.of(Cohort.SEN_SUPPORT, 1, Cohort.EHCP, 2, Cohort.MEDICAL, 4,
            Cohort.FSM, 8, Cohort.CHILD_IN_NEED, 16, Cohort.CHILD_PROTECTION, 32, Cohort.LOOKED_AFTER, 64,
            Cohort.PREVIOUSLY_LOOKED_AFTER, 128);

    /** In the order the dashboards list them. */
    static final List<Cohort> ORDER = List.of(Cohort.SEN_SUPPORT, Cohort.EHCP, Cohort.MEDICAL, Cohort.FSM,
            Cohort.CHILD_IN_NEED, Cohort.CHILD_PROTECTION, Cohort.LOOKED_AFTER, Cohort.PREVIOUSLY_LOOKED_AFTER);

    private CohortFlags() {
    }

    static int bit(Cohort cohort) {
        Integer bit = BITS.get(cohort);
        if (bit == null) {
            throw new IllegalArgumentException("No dashboard bit for cohort " + cohort);
        }
        return bit;
    }

    static int of(Collection<Cohort> cohorts) {
        int flags = 0;
        for (Cohort cohort : cohorts) {
            if (BITS.containsKey(cohort)) {
                flags |= BITS.get(cohort);
            }
        }
        return flags;
    }

    static List<Cohort> in(int flags) {
        var cohorts = new ArrayList<Cohort>();
        for (Cohort cohort : ORDER) {
            if ((flags & bit(cohort)) != 0) {
                cohorts.add(cohort);
            }
        }
        return cohorts;
    }

    static String label(Cohort cohort) {
        return switch (cohort) {
            case SEN_SUPPORT -> "SEN support";
            case EHCP -> "EHCP";
            case MEDICAL -> "Medical condition";
            case FSM -> "FSM";
            case CHILD_IN_NEED -> "Child in need";
            case CHILD_PROTECTION -> "Child protection";
            case LOOKED_AFTER -> "Looked after";
            case PREVIOUSLY_LOOKED_AFTER -> "Previously looked after";
        };
    }

    /** 'Year 7', 'Reception', 'Nursery'. */
    static String yearGroup(int yearGroup) {
        return switch (yearGroup) {
            case -1 -> "Nursery";
            case 0 -> "Reception";
            default -> "Year " + yearGroup;
        };
    }
}
