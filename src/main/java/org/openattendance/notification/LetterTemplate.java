package org.openattendance.notification;

import java.time.Instant;

/**
 * One version of a letter: the subject (Thymeleaf text) and the body (a Thymeleaf HTML fragment).
 *
 * @param laCode    the LA whose version this is; null for the national version (a database row or the shipped default)
 * @param updatedAt null for the default shipped with the application
 */
record LetterTemplate(String key, String laCode, String subject, String body, Instant updatedAt, String updatedBy) {

    enum Source { LA, NATIONAL, DEFAULT }

    Source source() {
        if (updatedAt == null) {
            return Source.DEFAULT;
        }
        return laCode == null ? Source.NATIONAL : Source.LA;
    }
}
