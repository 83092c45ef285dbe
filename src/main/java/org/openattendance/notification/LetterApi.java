package org.openattendance.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pupil's letters, for the staff who may see the pupil; outside their scope a letter does not exist. The list
 * reads through {@link Letters} as the pupil page does.
 */
@RestController
class LetterApi {

    /** Who a letter went to: the channel is EMAIL or PRINT, the e-mail address empty for a letter on paper. */
    record RecipientBody(String name, String channel, String email) {
    }

    record LetterBody(UUID id, String templateKey, String subject, Instant createdAt, List<RecipientBody> recipients) {
    }

    private final SchoolDirectory directory;
    private final AuditTrail audit;
    private final Letters letters;
    private final VisibleLetters visible;

    LetterApi(SchoolDirectory directory, AuditTrail audit, Letters letters, VisibleLetters visible) {
        this.directory = directory;
        this.audit = audit;
        this.letters = letters;
        this.visible = visible;
    }

    @GetMapping("/api/pupils/{upn}/letters")
    @Transactional
    List<LetterBody> pupilLetters(@PathVariable String upn) {
        Pupil pupil = directory.visiblePupil(upn);
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", pupil.getUpn(), "letters");
        var deliveries = letters.deliveries(pupil.getId());
        return letters.ofPupil(pupil.getId()).stream().map(letter -> new LetterBody(letter.id(), letter.templateKey(),
                letter.subject(), letter.createdAt(), deliveries.getOrDefault(letter.id(), List.of()).stream()
                .map(d -> new RecipientBody(d.parentName(), d.byEmail() ? "EMAIL" : "PRINT",
                        d.email() == null ? "" : d.email())).toList())).toList();
    }

    @GetMapping("/api/letters/{id}")
    @Transactional
    ResponseEntity<String> html(@PathVariable UUID id) {
        var letter = visible.find(id, "letter");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                // The letter is already cleaned of scripts; this keeps it that way if a layout ever changes.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(letter.html());
    }

    @GetMapping("/api/letters/{id}/pdf")
    @Transactional
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return LetterPdfPage.inline(visible.find(id, "letter PDF"));
    }
}
