package org.openattendance.leave.steps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openattendance.leave.LeaveRequest;
import org.openattendance.leave.LeaveRequestStore;
import org.openattendance.leave.LeaveSessions;
import org.openattendance.register.AttendanceCodes;
import org.openattendance.register.RegisterQueries;
import org.openattendance.register.SessionSlot;
import org.springframework.stereotype.Component;

/**
 * The sessions of a decided request the pupil was away without leave: refused sessions marked absent, and the
 * unbroken run of absence straight after the request (an overstay, at most a week of school). Sessions already G
 * are left out; C and C1 are leave granted, never holiday taken without it.
 */
@Component
class UnauthorisedAbsence {

    static final int OVERSTAY_SCHOOL_DAYS = 5;
    private static final Set<String> ABSENCE = Set.of("AUTHORISED", "UNAUTHORISED");
    private static final Set<String> NOT_HOLIDAY = Set.of("C", "C1", "G");

    private final LeaveRequestStore store;
    private final LeaveSessions sessions;
    private final RegisterQueries register;
    private final AttendanceCodes codes;

    UnauthorisedAbsence(LeaveRequestStore store, LeaveSessions sessions, RegisterQueries register,
                        AttendanceCodes codes) {
        this.store = store;
        this.sessions = sessions;
        this.register = register;
        this.codes = codes;
    }

    List<SessionSlot> sessions(UUID requestId) {
        LeaveRequest r = store.find(requestId).orElseThrow();
        List<SessionSlot> refused = LeaveSessions.refused(r, sessions.requested(r));
        List<SessionSlot> after = sessions.after(r, OVERSTAY_SCHOOL_DAYS);
        LocalDate last = after.isEmpty() ? r.toDate() : after.get(after.size() - 1).date();
        Map<SessionSlot, String> marks = new HashMap<>();
        register.marksOf(r.pupilId(), r.fromDate(), last)
                .forEach(m -> marks.put(new SessionSlot(m.date(), m.session()), m.code()));
        var absent = new ArrayList<SessionSlot>();
        for (SessionSlot slot : refused) {
            if (holiday(marks.get(slot))) {
                absent.add(slot);
            }
        }
        for (SessionSlot slot : after) {
            String code = marks.get(slot);
            if (!isAbsence(code) || "C".equals(code) || "C1".equals(code)) {
                break;
            }
            if (!"G".equals(code)) {
                absent.add(slot);
            }
        }
        return absent;
    }

    private boolean holiday(String code) {
        return isAbsence(code) && !NOT_HOLIDAY.contains(code);
    }

    private boolean isAbsence(String code) {
        return code != null && codes.find(code).map(c -> ABSENCE.contains(c.category())).orElse(false);
    }
}
