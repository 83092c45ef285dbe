package org.openattendance.dashboard;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openattendance.security.ScopeDirectory;
import org.openattendance.security.StaffUser;
import org.openattendance.security.StaffUserStore;
import org.springframework.stereotype.Component;

/** Names for teams (Camunda groups) and people, as staff read them. */
@Component
class TeamLabels {

    private static final Pattern SCHOOL = Pattern.compile("school-(.+)-(attendance|headteacher|managers)");
    private static final Pattern LA = Pattern.compile("la-(.+)-(attendance|managers|virtual-school)");

    private final ScopeDirectory names;
    private final Scopes scopes;
    private final StaffUserStore users;

    TeamLabels(ScopeDirectory names, Scopes scopes, StaffUserStore users) {
        this.names = names;
        this.scopes = scopes;
        this.users = users;
    }

    /** 'Millbrook Primary School: attendance staff', 'Northshire: LA attendance officers'. */
    public String label(String group) {
        Matcher school = SCHOOL.matcher(group);
        if (school.matches()) {
            String name = scopes.schoolName(school.group(1));
            return name + ": " + switch (school.group(2)) {
                case "attendance" -> "attendance staff";
                case "headteacher" -> "headteacher";
                default -> "managers";
            };
        }
        Matcher la = LA.matcher(group);
        if (la.matches()) {
            String name = names.localAuthorityName(la.group(1)).orElse("Local authority " + la.group(1));
            return name + ": " + switch (la.group(2)) {
                case "attendance" -> "LA attendance officers";
                case "managers" -> "LA managers";
                default -> "Virtual School";
            };
        }
        return group;
    }

    /** A person's display name and username, 'Priya Shah (officer.millbrook)'. */
    public String person(String username) {
        return users.find(username).map(TeamLabels::name).orElse(username);
    }

    Map<String, String> people() {
        return users.all().stream().collect(Collectors.toMap(StaffUser::username, TeamLabels::name));
    }

    static String name(StaffUser user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.username()
                : user.displayName() + " (" + user.username() + ")";
    }
}
