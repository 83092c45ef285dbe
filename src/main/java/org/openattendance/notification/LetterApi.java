package org.openattendance.notification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A pupil's letters, for the staff who may see the pupil; outside their scope a letter does not exist. */
@RestController
class LetterApi {

    private final SchoolDirectory directory;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final VisibleLetters visible;

    LetterApi(SchoolDirectory directory, AuditTrail audit, JdbcTemplate jdbc, VisibleLetters visible) {
        this.visible = visible;
        this.directory = directory;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/pupils/{upn}/letters")
    @Transactional
    List<Map<String, Object>> pupilLetters(@PathVariable String upn) {
        Pupil pupil = directory.visiblePupil(upn);
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", pupil.getUpn(), "letters");
        var letterRows = jdbc.queryForList("""
                select id, template_key as "templateKey", subject, created_at as "createdAt" from letter
                where pupil_id = ? order by created_at desc""", pupil.getId());
        var recipients = jdbc.queryForList("""
                select r.letter_id, r.parent_name as name, r.email, r.channel from letter_recipient r
                join letter l on l.id = r.letter_id where l.pupil_id = ? order by r.id""", pupil.getId());
        return letterRows.stream().map(row -> {
            var withRecipients = new LinkedHashMap<>(row);
            withRecipients.put("recipients", recipients.stream().filter(r -> r.get("letter_id").equals(row.get("id")))
                    .map(r -> Map.of("name", r.get("name"), "channel", r.get("channel"),
                            "email", r.get("email") == null ? "" : r.get("email"))).toList());
            return (Map<String, Object>) withRecipients;
        }).toList();
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
