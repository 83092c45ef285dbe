package org.openattendance.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;

/** The links between a scope's dashboards: attendance, casework and (for an LA) the targeting meeting packs. */
record DashboardTabs(List<Tab> tabs) {

    record Tab(String label, String href, boolean current) {
    }

    static DashboardTabs of(StaffUser user, Scope scope, String current) {
        String base = AttendanceDashboardPages.pathOf(scope);
        var tabs = new ArrayList<Tab>();
        tabs.add(new Tab("Attendance", base, "attendance".equals(current)));
        if (scope.kind() == Scope.Kind.VIRTUAL_SCHOOL) {
            tabs.add(new Tab("The children", base + "/children", "children".equals(current)));
        }
        tabs.add(new Tab("Casework", base + "/casework", "casework".equals(current)));
        if (scope.kind() == Scope.Kind.LA && (user.isAdmin() || user.has(Role.LA_OFFICER) || user.has(Role.MANAGER))) {
            tabs.add(new Tab("Termly targeting meetings", base + "/targeting", "targeting".equals(current)));
        }
        return new DashboardTabs(List.copyOf(tabs));
    }
}
