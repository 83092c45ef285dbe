package org.openattendance.notification;

import java.time.Instant;
import java.util.List;

import org.openattendance.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * LA officers edit their own LA's letters; administrators edit any LA's ({@code ?laCode=}) or, without one, the
 * national version. A template is stored only if it renders (rules in {@link LetterTemplateEditing}).
 */
@RestController
class LetterTemplateApi {

    record TemplateEdit(String subject, String body) {
    }

    record TemplateView(String key, String laCode, LetterTemplate.Source source, String subject, String body,
                        Instant updatedAt, String updatedBy) {
        static TemplateView of(LetterTemplate t) {
            return new TemplateView(t.key(), t.laCode(), t.source(), t.subject(), t.body(), t.updatedAt(), t.updatedBy());
        }
    }

    private final LetterTemplates templates;
    private final LetterTemplateEditing editing;

    LetterTemplateApi(LetterTemplates templates, LetterTemplateEditing editing) {
        this.templates = templates;
        this.editing = editing;
    }

    @GetMapping("/api/letter-templates")
    List<TemplateView> list(@RequestParam(required = false) String laCode) {
        return templates.effectiveAll(editing.editableLa(laCode)).stream().map(TemplateView::of).toList();
    }

    @PutMapping("/api/letter-templates/{key}")
    TemplateView save(@PathVariable String key, @RequestParam(required = false) String laCode,
                      @RequestBody TemplateEdit edit) {
        String la = editing.editableLa(laCode);
        editing.checkExists(key);
        if (edit == null) {
            throw new InvalidInputException("A template needs a subject and a body");
        }
        return TemplateView.of(editing.save(key, la, edit.subject(), edit.body()));
    }
}
