package org.openattendance.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.openattendance.security.AccessPolicy;
import org.openattendance.security.Role;
import org.openattendance.security.ScopeDirectory;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * LA officers edit their own LA's letters; administrators edit any LA's ({@code ?laCode=}) or, without one, the
 * national version. A template is stored only if it renders.
 */
@RestController
class LetterTemplateController {

    record TemplateEdit(String subject, String body) {
    }

    record TemplateView(String key, String laCode, LetterTemplate.Source source, String subject, String body,
                        Instant updatedAt, String updatedBy) {
        static TemplateView of(LetterTemplate t) {
            return new TemplateView(t.key(), t.laCode(), t.source(), t.subject(), t.body(), t.updatedAt(), t.updatedBy());
        }
    }

    private final LetterTemplates templates;
    private final LetterRenderer renderer;
    private final AccessPolicy access;
    private final ScopeDirectory scopes;
    private final Clock clock;

    LetterTemplateController(LetterTemplates templates, LetterRenderer renderer, AccessPolicy access,
                             ScopeDirectory scopes, Clock clock) {
        this.templates = templates;
        this.renderer = renderer;
        this.access = access;
        this.scopes = scopes;
        this.clock = clock;
    }

    @GetMapping("/api/letter-templates")
    List<TemplateView> list(@RequestParam(required = false) String laCode) {
        return templates.effectiveAll(editableLa(laCode)).stream().map(TemplateView::of).toList();
    }

    @PutMapping("/api/letter-templates/{key}")
    TemplateView save(@PathVariable String key, @RequestParam(required = false) String laCode,
                      @RequestBody TemplateEdit edit) {
        String la = editableLa(laCode);
        if (!templates.exists(key)) {
            throw new NotFoundException("No letter template " + key + "; templates are " + LetterTemplates.KEYS);
        }
        if (edit == null || blank(edit.subject()) || blank(edit.body())) {
            throw new InvalidInputException("A template needs a subject and a body");
        }
        var candidate = new LetterTemplate(key, la, edit.subject().strip(), edit.body().strip(), clock.instant(), null);
        try {
            renderer.render(candidate, LetterModel.sample(LocalDate.now(clock)));
        } catch (LetterRenderer.InvalidTemplateException e) {
            throw new InvalidInputException("The template cannot be rendered: " + e.getMessage());
        }
        String username = access.currentUser().username();
        return TemplateView.of(templates.save(key, la, candidate.subject(), candidate.body(), username, clock.instant()));
    }

    /** The LA whose templates the caller works on; null is the national version (administrators only). */
    private String editableLa(String requested) {
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

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
