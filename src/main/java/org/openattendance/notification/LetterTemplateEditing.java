package org.openattendance.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openattendance.security.AccessPolicy;
import org.openattendance.security.Role;
import org.openattendance.security.ScopeDirectory;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules for changing letters, the same for the JSON API and the admin pages: LA officers edit their own LA's
 * letters; administrators edit any LA's or, with no LA, the national version. A template is stored only if it
 * renders.
 */
@Component
class LetterTemplateEditing {

    static final int MAX_SUBJECT_LENGTH = 300;

    private final LetterTemplates templates;
    private final LetterRenderer renderer;
    private final AccessPolicy access;
    private final ScopeDirectory scopes;
    private final Clock clock;

    LetterTemplateEditing(LetterTemplates templates, LetterRenderer renderer, AccessPolicy access,
                          ScopeDirectory scopes, Clock clock) {
        this.templates = templates;
        this.renderer = renderer;
        this.access = access;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** The LA whose templates the caller works on; null is the national version (administrators only). */
    String editableLa(String requested) {
        StaffUser user = access.currentUser();
        String la = blank(requested) ? null : requested.trim();
        if (user.isAdmin()) {
            if (la != null && !scopes.localAuthorityExists(la)) {
                throw new InvalidInputException("No local authority with code " + la);
            }
            return la;
        }
        if (user.has(Role.LA_OFFICER) && user.laCode() != null && (la == null || la.equals(user.laCode()))) {
            return user.laCode();
        }
        throw new AccessDeniedException("Only an LA officer (for their own LA) or an administrator may edit letters");
    }

    void checkExists(String key) {
        if (!templates.exists(key)) {
            throw new NotFoundException("No letter template " + key + "; templates are " + LetterTemplates.KEYS);
        }
    }

    /** The letter as it would be sent, rendered from sample data; bad input is an {@link InvalidInputException}. */
    LetterRenderer.RenderedLetter preview(String key, String la, String subject, String body) {
        checkExists(key);
        var problems = new ArrayList<Problem>();
        if (blank(subject)) {
            problems.add(new Problem("subject", "is required"));
        } else if (subject.strip().length() > MAX_SUBJECT_LENGTH) {
            problems.add(new Problem("subject", "must be at most " + MAX_SUBJECT_LENGTH + " characters"));
        }
        if (blank(body)) {
            problems.add(new Problem("body", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("A template needs a subject and a body", problems);
        }
        var candidate = new LetterTemplate(key, la, subject.strip(), body.strip(), clock.instant(), null);
        LetterRenderer.RenderedLetter rendered;
        try {
            rendered = renderer.render(candidate, LetterModel.sample(LocalDate.now(clock)));
        } catch (LetterRenderer.InvalidTemplateException e) {
            throw new InvalidInputException("The template cannot be rendered: " + e.getMessage(),
                    List.of(new Problem("body", e.getMessage())));
        }
        // The sample answers every field, so a misspelt one renders here and fails only when a real letter is sent.
        var shipped = templates.defaultTemplate(key);
        var unresolved = TemplateExpressions.unresolved(subject, body,
                TemplateExpressions.fieldsUsed(shipped.subject(), shipped.body()));
        if (!unresolved.isEmpty()) {
            throw new InvalidInputException("The template uses values a letter does not have", unresolved);
        }
        return rendered;
    }

    @Transactional
    LetterTemplate save(String key, String la, String subject, String body) {
        preview(key, la, subject, body);
        return templates.save(key, la, subject.strip(), body.strip(), access.currentUser().username(), clock.instant());
    }

    /** Removes the LA's own version (or, with no LA, the national one): letters fall back to the next version up. */
    @Transactional
    boolean revert(String key, String la) {
        checkExists(key);
        return templates.delete(key, la);
    }

    /** The version stored for exactly this LA (or the national row), if there is one. */
    Optional<LetterTemplate> own(String key, String la) {
        return templates.stored(key, la);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
