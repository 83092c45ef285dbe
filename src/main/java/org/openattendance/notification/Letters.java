package org.openattendance.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openattendance.school.Parent;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.London;
import org.openattendance.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues letters: renders, stores on the case, lists who gets it by e-mail and who on paper, queues the e-mails. */
@Service
public class Letters {

    public record IssuedLetter(UUID id, boolean newlyIssued) {
    }

    /** A letter as a list of the pupil's letters shows it. */
    public record LetterSummary(UUID id, String templateKey, String subject, Instant createdAt, List<String> recipients) {
    }

    record StoredLetter(UUID id, String upn, String templateKey, String subject, String html, byte[] pdf, Instant createdAt) {
    }

    private final SchoolDirectory directory;
    private final LetterTemplates templates;
    private final LetterRenderer renderer;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Letters(SchoolDirectory directory, LetterTemplates templates, LetterRenderer renderer, JdbcTemplate jdbc, Clock clock) {
        this.directory = directory;
        this.templates = templates;
        this.renderer = renderer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Idempotent by step key, across nodes: the unique step key decides which of two racing calls stores the letter. */
    @Transactional
    public IssuedLetter issue(LetterRequest request) {
        Optional<UUID> existing = idOfStep(request.stepKey());
        if (existing.isPresent()) {
            return new IssuedLetter(existing.get(), false);
        }
        Pupil pupil = directory.pupilsByIds(List.of(request.pupilId())).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No pupil with id " + request.pupilId()));
        School school = directory.school(pupil.getSchoolUrn()).orElseThrow();
        List<LetterRequested.Addressee> parents = request.addressees().isEmpty()
                ? pupil.getParents().stream().filter(Parent::hasParentalResponsibility)
                        .map(p -> new LetterRequested.Addressee(p.getName(), p.getEmail(), p.getAddress())).toList()
                : request.addressees();
        LetterTemplate template = templates.effective(request.templateKey(), school.getLaCode());
        // Dated when the step asked for it, not when this listener (another thread, perhaps a retry) makes it.
        Instant made = request.requestedAt() == null ? clock.instant() : request.requestedAt();
        var rendered = renderer.render(template, model(pupil, school, parents, request, LocalDate.ofInstant(made, London.ZONE)));

        UUID id = UUID.randomUUID();
        int stored = jdbc.update("""
                insert into letter (id, step_key, template_key, template_la_code, template_updated_at, case_id, pupil_id,
                                    upn, school_urn, la_code, subject, html, pdf, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (step_key) do nothing""",
                id, request.stepKey(), template.key(), template.laCode(),
                template.updatedAt() == null ? null : Timestamp.from(template.updatedAt()), request.caseId(),
                pupil.getId(), pupil.getUpn(), school.getUrn(), school.getLaCode(), rendered.subject(), rendered.html(),
                rendered.pdf(), Timestamp.from(made));
        if (stored == 0) {
            return new IssuedLetter(idOfStep(request.stepKey()).orElseThrow(), false);
        }
        parents.forEach(parent -> addRecipient(id, parent, rendered.subject()));
        return new IssuedLetter(id, true);
    }

    /** A letter as it would go: its subject and body (HTML kept to the letter's safe tags), and who gets it. */
    public record LetterPreview(String subject, String bodyHtml, List<String> addressees) {
    }

    /**
     * The letter this template would make for the pupil now, with these fields (a field not given shows as the
     * placeholder the caller passes in its place). Nothing is stored or sent. Unchecked: the caller checks scope.
     */
    public LetterPreview preview(String templateKey, long pupilId, Map<String, String> fields) {
        Pupil pupil = directory.pupilsByIds(List.of(pupilId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No pupil with id " + pupilId));
        School school = directory.school(pupil.getSchoolUrn()).orElseThrow();
        List<LetterRequested.Addressee> parents = pupil.getParents().stream().filter(Parent::hasParentalResponsibility)
                .map(p -> new LetterRequested.Addressee(p.getName(), p.getEmail(), p.getAddress())).toList();
        LetterTemplate template = templates.effective(templateKey, school.getLaCode());
        var request = new LetterRequest("preview", templateKey, null, pupilId, fields, parents);
        var rendered = renderer.preview(template, model(pupil, school, parents, request, LocalDate.now(clock)));
        return new LetterPreview(rendered.subject(), rendered.html(), parents.stream()
                .map(p -> p.name() + (p.email() == null || p.email().isBlank() ? " (on paper)" : " (by e-mail)")).toList());
    }

    /** The pupil's letters, newest first, with who each went to (name and channel). Unchecked: the caller checks scope. */
    public List<LetterSummary> ofPupil(long pupilId) {
        var recipients = new HashMap<UUID, List<String>>();
        jdbc.query("""
                select r.letter_id, r.parent_name, r.channel from letter_recipient r
                join letter l on l.id = r.letter_id where l.pupil_id = ? order by r.id""", rs -> {
            recipients.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(rs.getString(2) + " (" + rs.getString(3).toLowerCase(Locale.ROOT) + ")");
        }, pupilId);
        return jdbc.query("select id, template_key, subject, created_at from letter where pupil_id = ? order by created_at desc",
                (rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new LetterSummary(id, rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            recipients.getOrDefault(id, List.of()));
                }, pupilId);
    }

    /**
     * How a letter reached each parent: by e-mail (with when the mail server took it, or that it is still waiting or
     * failed) or on paper (printed for the school or LA to post or hand over).
     */
    public record Delivery(String parentName, boolean byEmail, String email, String address, String emailStatus,
                           Instant emailedAt) {
    }

    /** Each of the pupil's letters' deliveries, by letter. Unchecked: the caller checks scope. */
    public java.util.Map<UUID, List<Delivery>> deliveries(long pupilId) {
        var deliveries = new HashMap<UUID, List<Delivery>>();
        jdbc.query("""
                select r.letter_id, r.parent_name, r.channel, r.email, r.address,
                       (select o.status from outbox_message o where o.letter_id = r.letter_id and o.recipient = r.email
                        order by o.id desc limit 1),
                       (select o.sent_at from outbox_message o where o.letter_id = r.letter_id and o.recipient = r.email
                        order by o.id desc limit 1)
                from letter_recipient r join letter l on l.id = r.letter_id where l.pupil_id = ? order by r.id""", rs -> {
            Timestamp sent = rs.getTimestamp(7);
            deliveries.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Delivery(
                    rs.getString(2), "EMAIL".equals(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                    sent == null ? null : sent.toInstant()));
        }, pupilId);
        return deliveries;
    }

    Optional<StoredLetter> find(UUID id) {
        return jdbc.query("select id, upn, template_key, subject, html, pdf, created_at from letter where id = ?",
                (rs, n) -> new StoredLetter(rs.getObject("id", UUID.class), rs.getString("upn"), rs.getString("template_key"),
                        rs.getString("subject"), rs.getString("html"), rs.getBytes("pdf"),
                        rs.getTimestamp("created_at").toInstant()), id).stream().findFirst();
    }

    private Optional<UUID> idOfStep(String stepKey) {
        return jdbc.queryForList("select id from letter where step_key = ?", UUID.class, stepKey).stream().findFirst();
    }

    private void addRecipient(UUID letterId, LetterRequested.Addressee parent, String subject) {
        String email = parent.email() == null || parent.email().isBlank() ? null : parent.email().trim();
        jdbc.update("insert into letter_recipient (letter_id, parent_name, email, channel, address) values (?, ?, ?, ?, ?)",
                letterId, parent.name(), email, email == null ? "PRINT" : "EMAIL", parent.address());
        if (email != null) {
            jdbc.update("insert into outbox_message (letter_id, recipient, subject, next_attempt_at) values (?, ?, ?, ?)",
                    letterId, email, subject, Timestamp.from(clock.instant()));
        }
    }

    private LetterModel model(Pupil pupil, School school, List<LetterRequested.Addressee> parents, LetterRequest request,
                              LocalDate today) {
        String names = parents.isEmpty() ? "Parent or carer"
                : parents.stream().map(LetterRequested.Addressee::name).collect(Collectors.joining(" and "));
        var addressees = parents.stream().map(p -> new LetterModel.Addressee(p.name(), addressLines(p))).toList();
        return new LetterModel(pupil.getForename(), pupil.getSurname(), pupil.getYearGroup(), school.getName(), names,
                today, request.fields(), addressees);
    }

    private static List<String> addressLines(LetterRequested.Addressee parent) {
        if (parent.address() == null) {
            return List.of();
        }
        return Arrays.stream(parent.address().split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
