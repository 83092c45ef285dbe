package org.openattendance.legal;

import java.time.LocalDate;
import java.util.List;

/**
 * What the school fills in to ask for a penalty notice: the route, the qualifying period, each parent the notice is
 * for (name, address and date of birth are required; the e-mail address is optional) and the school's statement.
 * The evidence itself (sessions, letters, meetings, support, the Notice to Improve) comes from the case.
 */
public record RequestForm(RequestRoute route, LocalDate periodFrom, LocalDate periodTo, List<ParentLine> parents,
                          String schoolStatement) {

    public record ParentLine(String name, String address, LocalDate dateOfBirth, String email) {
        NoticeParent toParent() {
            return new NoticeParent(name, address, dateOfBirth, email);
        }
    }

    public RequestForm {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
