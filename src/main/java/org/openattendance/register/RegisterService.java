package org.openattendance.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.openattendance.school.School;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.InvalidInputException;
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
    private final RegisterQueries queries;
    private final RegisterMetrics metrics;

    RegisterService(RegisterLoader loader, RegisterUploadParser parser, AccessPolicy access, AuditTrail audit, Clock clock,
                    RegisterQueries queries, RegisterMetrics metrics) {
        this.loader = loader;
        this.metrics = metrics;
        this.queries = queries;
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
        RegisterLoadResult result;
        try {
            result = loader.load(school, rows, new Recorder(user.username(), user.primaryRole(), source), LocalDate.now(clock));
        } catch (InvalidInputException e) {
            metrics.rejected();
            throw e;
        } catch (RuntimeException e) {
            metrics.failed();
            throw e;
        }
        metrics.loaded(result);
        audit.record(AuditTrail.Action.CHANGE_REGISTER, "school", school.getUrn(), "register upload (" + source
                + "): " + result.rows() + " rows, accepted " + result.accepted() + ", amended " + result.amended()
                + ", unchanged " + result.unchanged() + ", rejected " + result.rejected().size());
        return result;
    }

    /**
     * Records the reason later given for a pupil's unexplained absence: the N marks of the pupil's current run of
     * unexplained absence up to {@code lastDay} (back to the last day with any other mark, at most 8 weeks) become
     * {@code code}, as amendments that keep the N, the reason and who made the change (casework calls this when a
     * member of staff records what the parents said). No N marks: nothing changes.
     */
    @Transactional
    public RegisterLoadResult explainUnexplainedAbsence(School school, long pupilId, String upn, LocalDate lastDay,
                                                        String code, String reason, Recorder recorder) {
        var byDay = new java.util.TreeMap<LocalDate, List<RegisterQueries.Mark>>(java.util.Comparator.reverseOrder());
        for (RegisterQueries.Mark mark : queries.marksOf(pupilId, lastDay.minusWeeks(8), lastDay)) {
            byDay.computeIfAbsent(mark.date(), d -> new ArrayList<>()).add(mark);
        }
        List<MarkRow> rows = new ArrayList<>();
        String cut = reason.length() <= 500 ? reason : reason.substring(0, 500);
        for (var day : byDay.values()) {
            List<RegisterQueries.Mark> unexplained = day.stream().filter(m -> "N".equals(m.code())).toList();
            for (RegisterQueries.Mark mark : unexplained) {
                rows.add(new MarkRow(rows.size() + 1, upn, mark.date().toString(), mark.session().name(), code, null, cut));
            }
            if (unexplained.size() < day.size()) {
                break;
            }
        }
        if (rows.isEmpty()) {
            return new RegisterLoadResult(0, 0, 0, List.of());
        }
        return loader.load(school, rows, recorder, LocalDate.now(clock));
    }

    /**
     * Replaces every N mark of the pupil from {@code from} to {@code to} with the code the reason supports, as
     * amendments by the member of staff (the follow-up of N marks left unresolved). Marks that are no longer N are
     * left as they are.
     */
    @Transactional
    public RegisterLoadResult resolveUnexplainedAbsence(School school, long pupilId, String upn, LocalDate from,
                                                        LocalDate to, String code, String reason, Recorder recorder) {
        String cut = reason.length() <= 500 ? reason : reason.substring(0, 500);
        List<MarkRow> rows = new ArrayList<>();
        for (RegisterQueries.Mark mark : queries.marksOf(pupilId, from, to)) {
            if ("N".equals(mark.code())) {
                rows.add(new MarkRow(rows.size() + 1, upn, mark.date().toString(), mark.session().name(), code, null, cut));
            }
        }
        if (rows.isEmpty()) {
            return new RegisterLoadResult(0, 0, 0, List.of());
        }
        return loader.load(school, rows, recorder, LocalDate.now(clock));
    }

    /**
     * Records the marks a leave-of-absence request decides: granted leave (C or C1) ahead of the days, so the
     * register shows it before the pupil goes; later, refused days the pupil was away as G. Each mark carries the
     * reason (which request, which decision) and who decided; a mark already held becomes an amendment. Unlike
     * every other way into the register, future dates are accepted here, but only for granted leave.
     */
    @Transactional
    public RegisterLoadResult recordLeaveOfAbsence(School school, String upn, List<SessionSlot> sessions, String code,
                                                   String reason, Recorder recorder) {
        if (sessions.isEmpty()) {
            return new RegisterLoadResult(0, 0, 0, List.of());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate last = sessions.stream().map(SessionSlot::date).max(LocalDate::compareTo).orElseThrow();
        boolean grantedLeave = "C".equals(code) || "C1".equals(code);
        String cut = reason.length() <= 500 ? reason : reason.substring(0, 500);
        List<MarkRow> rows = new ArrayList<>();
        for (SessionSlot slot : sessions) {
            rows.add(new MarkRow(rows.size() + 1, upn, slot.date().toString(), slot.session().name(), code, null, cut));
        }
        return loader.load(school, rows, recorder, grantedLeave && last.isAfter(today) ? last : today);
    }
}
