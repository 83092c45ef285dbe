package org.openattendance.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps roles and scopes to the Camunda group ids that user tasks name as candidate groups, so a task for a
 * school's attendance staff reaches only that school's attendance officers.
 */
public final class CamundaGroups {

    public static final String ADMINS = "camunda-admin";

    private CamundaGroups() {
    }

    public static String schoolAttendance(String urn) {
        return "school-" + urn + "-attendance";
    }

    public static String schoolHeadteacher(String urn) {
        return "school-" + urn + "-headteacher";
    }

    public static String schoolManagers(String urn) {
        return "school-" + urn + "-managers";
    }

    public static String laAttendance(String laCode) {
        return "la-" + laCode + "-attendance";
    }

    public static String laManagers(String laCode) {
        return "la-" + laCode + "-managers";
    }

    /** The LA's Virtual School Head, told of looked-after pupils' absences. */
    public static String laVirtualSchool(String laCode) {
        return "la-" + laCode + "-virtual-school";
    }

    static List<String> of(StaffUser user) {
        var groups = new ArrayList<String>();
        if (user.isAdmin()) {
            groups.add(ADMINS);
        }
        for (String urn : user.schools()) {
            if (user.has(Role.ATTENDANCE_OFFICER)) {
                groups.add(schoolAttendance(urn));
            }
            if (user.has(Role.HEADTEACHER)) {
                groups.add(schoolHeadteacher(urn));
            }
            if (user.has(Role.MANAGER)) {
                groups.add(schoolManagers(urn));
            }
        }
        if (user.laCode() != null) {
            if (user.has(Role.LA_OFFICER)) {
                groups.add(laAttendance(user.laCode()));
            }
            if (user.has(Role.MANAGER)) {
                groups.add(laManagers(user.laCode()));
            }
            if (user.has(Role.VIRTUAL_SCHOOL_HEAD)) {
                groups.add(laVirtualSchool(user.laCode()));
            }
        }
        return List.copyOf(groups);
    }
}
