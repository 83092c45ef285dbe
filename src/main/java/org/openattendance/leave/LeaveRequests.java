package org.openattendance.leave;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openattendance.notification.Emails;
import org.openattendance.register.SessionSlot;
import org.openattendance.school.Parent;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.BritishDates;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.London;
import org.openattendance.shared.NotFoundException;
import org.openattendance.shared.Session;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Making, reading and withdrawing leave requests, by staff and by parents through their e-mailed links. */
@Service
public class LeaveRequests {

    static final Duration CONFIRM_LINK_LIFE = Duration.ofHours(24);

    /** How a parent identifies their child on the public page. */
    record ParentIdentity(String schoolUrn, String forename, String surname, LocalDate dateOfBirth, String email) {
    }

    /** A request that cannot be withdrawn any more (decided, or withdrawn already). */
    static class NotWithdrawableException extends RuntimeException {
        NotWithdrawableException(LeaveStatus status) {
            super("The request cannot be withdrawn: it is " + status);
        }
    }

    private final LeaveRequestStore store;
    private final LeaveLinks links;
    private final LeaveSessions sessions;
    private final LeaveProcess process;
    private final SchoolDirectory directory;
    private final Emails emails;
    private final AuditTrail audit;
    private final Clock clock;
    private final String publicUrl;
    private final LeavePageLimits limits;

    LeaveRequests(LeaveRequestStore store, LeaveLinks links, LeaveSessions sessions, LeaveProcess process,
                  SchoolDirectory directory, Emails emails, AuditTrail audit, Clock clock, LeavePageLimits limits,
                  @Value("${openattendance.leave.public-url:http://localhost:8080}") String publicUrl) {
        this.limits = limits;
        this.store = store;
        this.links = links;
        this.sessions = sessions;
        this.process = process;
        this.directory = directory;
        this.emails = emails;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A request the school received on paper without scans, as {@link #enterForPupil} with no evidence; its id. */
    public UUID enterWithoutEvidence(StaffUser user, String upn, NewLeaveRequest asked, String requestedBy,
                                     String channel) {
        return enterForPupil(user, upn, asked, requestedBy, List.of(), channel).id();
    }

    /** A request the school received (on paper, by letter): made at once, for a pupil in the user's school. */
    @Transactional
    public LeaveRequest enterForPupil(StaffUser user, String upn, NewLeaveRequest asked, String requestedBy,
                                      List<LeaveRequestStore.EvidenceFile> evidence, String channel) {
        Pupil pupil = directory.visiblePupil(upn);
        directory.writableSchool(pupil.getSchoolUrn());
        LocalDate today = LocalDate.now(clock);
        var problems = new ArrayList<Problem>();
        NewLeaveRequest.Checked checked = asked.check(today, problems);
        if (!isOnRoll(pupil, today)) {
            problems.add(new Problem("upn", "the pupil is not on roll at the school"));
        }
        String who = requestedBy == null || requestedBy.isBlank() ? parentsNames(pupil) : requestedBy.strip();
        if (who.length() > 200) {
            problems.add(new Problem("requestedBy", "must be at most 200 characters"));
        }
        problems.addAll(EvidenceCheck.problems(evidence));
        List<SessionSlot> slots = checked == null ? List.of() : schoolSessions(pupil.getSchoolUrn(), checked, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The leave request has " + problems.size() + " problem(s)", problems);
        }
        Instant now = clock.instant();
        var request = newRequest(pupil, checked, who, null, channel, user.username(), LeaveStatus.SUBMITTED, now,
                !checked.from().isAfter(today));
        store.insert(request);
        evidence.forEach(file -> store.addEvidence(request.id(), typed(file), now));
        store.linkProcess(request.id(), process.start(request, slots.size() / 2.0));
        audit.record(AuditTrail.Action.CHANGE_PUPILS, "leave-request", pupil.getUpn(),
                "leave request " + request.id() + " entered (" + channel + ")");
        return store.find(request.id()).orElseThrow();
    }

    /**
     * A parent's request from the public page. The request itself is checked (problems are answered, they tell
     * nothing about any pupil); then, only if the school, the pupil and a parent the pupil lives with match the
     * identity, the request is kept unconfirmed and a one-time link is e-mailed to that parent. The caller answers
     * the same whether or not anything matched.
     */
    @Transactional
    public void askOnline(ParentIdentity identity, NewLeaveRequest asked, List<LeaveRequestStore.EvidenceFile> evidence) {
        LocalDate today = LocalDate.now(clock);
        var problems = new ArrayList<Problem>();
        identityProblems(identity, problems);
        NewLeaveRequest.Checked checked = asked.check(today, problems);
        problems.addAll(EvidenceCheck.problems(evidence));
        Optional<School> school = problems.isEmpty() ? directory.school(identity.schoolUrn()) : Optional.empty();
        if (problems.isEmpty() && school.isEmpty()) {
            problems.add(new Problem("school", "choose your child's school"));
        }
        if (problems.isEmpty()) {
            schoolSessions(school.get().getUrn(), checked, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The leave request has " + problems.size() + " problem(s)", problems);
        }
        limits.countRequest(identity);
        // Requests nobody confirmed are of no use once their link expired; their evidence should not stay.
        store.purgeUnconfirmedBefore(clock.instant().minus(CONFIRM_LINK_LIFE.multipliedBy(2)));
        Optional<Pupil> pupil = directory.pupilByNameAndBirth(identity.schoolUrn(), identity.forename(),
                identity.surname(), identity.dateOfBirth()).filter(p -> isOnRoll(p, today));
        Optional<Parent> parent = pupil.flatMap(p -> p.getParents().stream()
                .filter(pa -> pa.livesWithPupil() && pa.getEmail() != null
                        && pa.getEmail().strip().equalsIgnoreCase(identity.email().strip())).findFirst());
        if (parent.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        var request = newRequest(pupil.get(), checked, parent.get().getName(), parent.get().getId(), "ONLINE", null,
                LeaveStatus.UNCONFIRMED, now, false);
        store.insert(request);
        evidence.forEach(file -> store.addEvidence(request.id(), typed(file), now));
        String token = links.create(request.id(), LeaveLinks.Purpose.CONFIRM, now.plus(CONFIRM_LINK_LIFE));
        emails.queue(parent.get().getEmail().strip(), "Confirm your request for leave of absence",
                "Dear " + parent.get().getName() + ",\n\n"
                        + "You asked " + school.get().getName() + " for leave of absence for " + pupil.get().getForename()
                        + " from " + BritishDates.WEEKDAY.format(checked.from()) + " to "
                        + BritishDates.WEEKDAY.format(checked.to()) + ".\n\n"
                        + "The request is made only when you confirm it. Open this link within 24 hours to confirm it "
                        + "(it works once):\n\n" + publicUrl + "/leave-request/confirm/" + token + "\n\n"
                        + "If you did not ask for this, ignore this e-mail: nothing will be sent to the school.\n");
    }

    /**
     * Confirms a parent's request with its one-time link: the request is made now, its process starts, and a
     * separate link for its status is e-mailed. Answers the status link's token.
     */
    @Transactional
    public Optional<String> confirm(String token) {
        Instant now = clock.instant();
        Optional<UUID> id = links.useOnce(token, now);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        LeaveRequest request = store.find(id.get()).orElseThrow();
        if (request.status() != LeaveStatus.UNCONFIRMED) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        store.submitted(request.id(), now, !request.fromDate().isAfter(today));
        int sessionCount = sessions.requested(request).size();
        store.linkProcess(request.id(), process.start(store.find(request.id()).orElseThrow(), sessionCount / 2.0));
        Instant statusLinkExpires = request.toDate().plusDays(90).atStartOfDay(London.ZONE).toInstant();
        String statusToken = links.create(request.id(), LeaveLinks.Purpose.STATUS, statusLinkExpires);
        Pupil pupil = directory.pupilsByIds(List.of(request.pupilId())).get(0);
        pupil.getParents().stream().filter(p -> p.getId().equals(request.requestedByParent())).findFirst()
                .ifPresent(parent -> emails.queue(parent.getEmail().strip(), "Your request for leave of absence has been made",
                        "Dear " + parent.getName() + ",\n\nThank you: the school has your request for leave of absence for "
                                + pupil.getForename() + ": " + LeaveRequestSummaries.dates(request) + ".\n\n"
                                + "You can see what the school has decided, or withdraw the request before a decision, here:\n\n"
                                + publicUrl + "/leave-request/status/" + statusToken + "\n\n"
                                + "Every parent with parental responsibility will get a letter with the decision.\n"));
        return Optional.of(statusToken);
    }

    boolean confirmable(String token) {
        return links.confirmable(token, clock.instant());
    }

    /** The request a status link opens. */
    Optional<LeaveRequest> byStatusLink(String token) {
        return links.open(token, clock.instant()).flatMap(store::find);
    }

    @Transactional
    public LeaveRequest withdrawByParent(String statusToken) {
        LeaveRequest request = byStatusLink(statusToken).orElseThrow(() -> new NotFoundException("No such link"));
        return withdraw(request, request.requestedBy() + " (parent, online)");
    }

    @Transactional
    public LeaveRequest withdrawByStaff(StaffUser user, UUID id) {
        LeaveRequest request = visible(id);
        directory.writableSchool(request.schoolUrn());
        audit.record(AuditTrail.Action.CHANGE_PUPILS, "leave-request", request.upn(), "leave request " + id + " withdrawn");
        return withdraw(request, user.username());
    }

    private LeaveRequest withdraw(LeaveRequest request, String by) {
        if (!store.changeStatus(request.id(), LeaveStatus.WITHDRAWN, LeaveStatus.SUBMITTED, LeaveStatus.CHECKED)) {
            throw new NotWithdrawableException(store.find(request.id()).orElseThrow().status());
        }
        store.withdrawn(request.id(), by, clock.instant());
        if (request.processInstanceId() != null) {
            process.withdraw(request.processInstanceId());
        }
        return store.find(request.id()).orElseThrow();
    }

    /** A request the signed-in user may see: in their scope and made (not awaiting the parent's confirmation). */
    LeaveRequest visible(UUID id) {
        LeaveRequest request = store.find(id).filter(r -> r.status() != LeaveStatus.UNCONFIRMED)
                .orElseThrow(() -> new NotFoundException("No leave request " + id));
        directory.visiblePupil(request.upn());
        return request;
    }

    /** Whether the school has any leave request, in any state (the demo data adds its own only to a school without). */
    public boolean anyAtSchool(String schoolUrn) {
        return store.anyAtSchool(schoolUrn);
    }

    /** A made request as other modules' pages list it. */
    public record LeaveSummary(UUID id, LocalDate from, Session fromSession, LocalDate to, Session toSession,
                               String reason, LeaveStatus status, String statusText) {

        /** "7 Jan 2027 to 8 Jan 2027 (until midday)", as a table shows it. */
        public String dates() {
            var day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);
            return day.format(from) + (fromSession == Session.PM ? " (from midday)" : "") + " to " + day.format(to)
                    + (toSession == Session.AM ? " (until midday)" : "");
        }
    }

    /** A pupil's made requests, as {@link #ofPupil(String)} finds them (404 outside the caller's scope). */
    public List<LeaveSummary> summariesOf(String upn) {
        return ofPupil(upn).stream()
                .filter(r -> r.status() != LeaveStatus.UNCONFIRMED)
                .map(r -> new LeaveSummary(r.id(), r.fromDate(), r.fromSession(), r.toDate(), r.toSession(),
                        r.reason().label(), r.status(), LeavePublicPages.statusText(r.status())))
                .toList();
    }

    List<LeaveRequest> ofPupil(String upn) {
        Pupil pupil = directory.visiblePupil(upn);
        return store.ofPupil(pupil.getId());
    }

    List<SessionSlot> requestedSessions(LeaveRequest request) {
        return sessions.requested(request);
    }

    List<LocalDate> weekdaysOutOfTerm(LeaveRequest request) {
        return sessions.weekdaysOutOfTerm(request);
    }

    List<LeaveRequestStore.Evidence> evidence(LeaveRequest request) {
        return store.evidenceOf(request.id());
    }

    Optional<LeaveRequestStore.EvidenceFile> evidenceFile(LeaveRequest request, long evidenceId) {
        return store.evidenceFile(request.id(), evidenceId);
    }

    /** One of a request's evidence files, for staff who may see the pupil (404 otherwise); the read is audited. */
    LeaveRequestStore.EvidenceFile visibleEvidence(UUID requestId, long evidenceId) {
        LeaveRequest request = visible(requestId);
        var file = evidenceFile(request, evidenceId).orElseThrow(() -> new NotFoundException("No such evidence"));
        audit.record(AuditTrail.Action.READ_PUPIL, "leave-request", request.upn(), "evidence " + evidenceId);
        return file;
    }

    /** A request's id from a path; a request that cannot exist is not found (404). */
    static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No leave request " + id);
        }
    }

    private List<SessionSlot> schoolSessions(String urn, NewLeaveRequest.Checked checked, List<Problem> problems) {
        List<SessionSlot> slots = sessions.open(urn, checked.from(), checked.fromSession(), checked.to(), checked.toSession());
        if (slots.isEmpty()) {
            problems.add(new Problem("from", "the school is not open on any of these days (weekends, holidays and "
                    + "closures need no leave)"));
        }
        return slots;
    }

    private static void identityProblems(ParentIdentity identity, List<Problem> problems) {
        if (blank(identity.schoolUrn())) {
            problems.add(new Problem("school", "choose your child's school"));
        }
        if (blank(identity.forename()) || identity.forename().length() > 100) {
            problems.add(new Problem("forename", "enter your child's first name"));
        }
        if (blank(identity.surname()) || identity.surname().length() > 100) {
            problems.add(new Problem("surname", "enter your child's last name"));
        }
        if (identity.dateOfBirth() == null) {
            problems.add(new Problem("dateOfBirth", "enter your child's date of birth"));
        }
        if (blank(identity.email()) || !identity.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                || identity.email().length() > 320) {
            problems.add(new Problem("email", "enter the e-mail address the school has for you, like name@example.com"));
        }
    }

    private static boolean isOnRoll(Pupil pupil, LocalDate day) {
        return !pupil.getAdmissionDate().isAfter(day) && (pupil.getDeletionDate() == null || pupil.getDeletionDate().isAfter(day));
    }

    private static String parentsNames(Pupil pupil) {
        return pupil.getParents().stream().filter(Parent::livesWithPupil).map(Parent::getName).findFirst()
                .orElse("A parent (on paper)");
    }

    private static LeaveRequestStore.EvidenceFile typed(LeaveRequestStore.EvidenceFile file) {
        String name = file.fileName() == null || file.fileName().isBlank() ? "evidence" : file.fileName().strip();
        name = name.replaceAll("[\\\\/\\r\\n\"]", "_");
        return new LeaveRequestStore.EvidenceFile(name.length() <= 200 ? name : name.substring(0, 200),
                EvidenceCheck.contentType(file.content()), file.content());
    }

    private static LeaveRequest newRequest(Pupil pupil, NewLeaveRequest.Checked c, String requestedBy, Long parentId,
                                           String channel, String enteredBy, LeaveStatus status, Instant now,
                                           boolean afterTheFact) {
        return new LeaveRequest(UUID.randomUUID(), pupil.getId(), pupil.getUpn(), pupil.getSchoolUrn(), c.from(),
                c.fromSession(), c.to(), c.toSession(), c.reason(), c.details(), c.parentsTravelling(), requestedBy,
                parentId, channel, enteredBy, status, now, status == LeaveStatus.UNCONFIRMED ? null : now, afterTheFact,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
