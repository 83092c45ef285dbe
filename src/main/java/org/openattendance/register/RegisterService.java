package org.openattendance.register;

import java.time.Clock;
import java.time.LocalDate;

import org.openattendance.school.School;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Register changes made by the signed-in user: the load and its audit record commit together. */
@Service
public class RegisterService {

    private final RegisterLoader loader;
    private final RegisterUploadParser parser;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    RegisterService(RegisterLoader loader, RegisterUploadParser parser, AccessPolicy access, AuditTrail audit, Clock clock) {
        this.loader = loader;
        this.parser = parser;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public RegisterUploadParser parser() {
        return parser;
    }

    @Transactional
    public RegisterLoadResult load(School school, Iterable<MarkRow> rows, MarkSource source) {
        StaffUser user = access.currentUser();
        RegisterLoadResult result = loader.load(school, rows, new Recorder(user.username(), user.primaryRole(), source),
                LocalDate.now(clock));
        audit.record(AuditTrail.Action.CHANGE_REGISTER, "school", school.getUrn(), "register upload (" + source
                + "): " + result.rows() + " rows, accepted " + result.accepted() + ", amended " + result.amended()
                + ", unchanged " + result.unchanged() + ", rejected " + result.rejected().size());
        return result;
    }
}
