package org.openattendance.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openattendance.shared.NotFoundException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters an LA can edit. An LA's own version wins over the national one (a row with no LA), which wins over
 * the default shipped in {@code letters/<key>.html}.
 */
@Component
class LetterTemplates {

    static final List<String> KEYS = List.of("below-95-percent", "no-contact", "meeting-invitation", "support-plan",
            "notice-to-improve", "penalty-notice", "penalty-notice-withdrawn", "leave-decision");

    private final JdbcTemplate jdbc;
    private final Map<String, LetterTemplate> defaults = new LinkedHashMap<>();

    LetterTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        KEYS.forEach(key -> defaults.put(key, loadDefault(key)));
    }

    /** The version shipped in src/main/resources/letters, whatever an LA or the national row changed. */
    LetterTemplate defaultTemplate(String key) {
        return defaults.get(key);
    }

    boolean exists(String key) {
        return defaults.containsKey(key);
    }

    /** The version letters for this LA are rendered from. */
    LetterTemplate effective(String key, String laCode) {
        LetterTemplate fallback = Optional.ofNullable(defaults.get(key))
                .orElseThrow(() -> new NotFoundException("No letter template " + key));
        return jdbc.query("""
                        select template_key, la_code, subject, body, updated_at, updated_by from letter_template
                        where template_key = ? and (la_code = ? or la_code is null) order by la_code nulls last limit 1""",
                        LetterTemplates::row, key, laCode)
                .stream().findFirst().orElse(fallback);
    }

    List<LetterTemplate> effectiveAll(String laCode) {
        return KEYS.stream().map(key -> effective(key, laCode)).toList();
    }

    @Transactional
    LetterTemplate save(String key, String laCode, String subject, String body, String username, Instant now) {
        int updated = jdbc.update("""
                update letter_template set subject = ?, body = ?, updated_at = ?, updated_by = ?
                where template_key = ? and la_code is not distinct from ?""",
                subject, body, Timestamp.from(now), username, key, laCode);
        if (updated == 0) {
            jdbc.update("""
                    insert into letter_template (template_key, la_code, subject, body, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?)""", key, laCode, subject, body, Timestamp.from(now), username);
        }
        return new LetterTemplate(key, laCode, subject, body, now, username);
    }

    /** The row for exactly this LA, or with a null LA the national row; not the shipped default. */
    Optional<LetterTemplate> stored(String key, String laCode) {
        return jdbc.query("""
                        select template_key, la_code, subject, body, updated_at, updated_by from letter_template
                        where template_key = ? and la_code is not distinct from ?""",
                        LetterTemplates::row, key, laCode).stream().findFirst();
    }

    /** The shipped default, which no one edits. */
    LetterTemplate shipped(String key) {
        return Optional.ofNullable(defaults.get(key)).orElseThrow(() -> new NotFoundException("No letter template " + key));
    }

    @Transactional
    boolean delete(String key, String laCode) {
        return jdbc.update("delete from letter_template where template_key = ? and la_code is not distinct from ?",
                key, laCode) > 0;
    }

    private static LetterTemplate row(ResultSet rs, int n) throws SQLException {
        return new LetterTemplate(rs.getString("template_key"), rs.getString("la_code"), rs.getString("subject"),
                rs.getString("body"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    /** A default file is "Subject: ..." on the first line, a blank line, then the body. */
    private static LetterTemplate loadDefault(String key) {
        try {
            String text = new ClassPathResource("letters/" + key + ".html").getContentAsString(StandardCharsets.UTF_8);
            int lineEnd = text.indexOf('\n');
            String first = text.substring(0, lineEnd).trim();
            if (!first.startsWith("Subject:")) {
                throw new IllegalStateException("letters/" + key + ".html must start with a 'Subject:' line");
            }
            return new LetterTemplate(key, null, first.substring("Subject:".length()).trim(),
                    text.substring(lineEnd + 1).strip(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read letters/" + key + ".html", e);
        }
    }
}
