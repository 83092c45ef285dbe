package org.openattendance.notification;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.Jsoup;
import org.openattendance.security.ScopeDirectory;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.London;
import org.openattendance.shared.web.Choice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The letter templates as pages: the national version and an LA's own version of each letter, an editor with a
 * preview rendered from sample data, and a way back to the national version. Who may edit what is the API's rule
 * ({@link LetterTemplateEditing#editableLa}): administrators any LA or the national version, LA officers their LA.
 */
@Controller
@RequestMapping("/admin/letters")
class LetterTemplatePages {

    record Row(String key, String name, String national, String own, boolean hasOwn) {
    }

    record Preview(String subject, String html) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(London.ZONE);
    private static final Map<String, String> NAMES = Map.of(
            "below-95-percent", "Attendance below 95%",
            "meeting-invitation", "Invitation to an attendance meeting",
            "support-plan", "Attendance support plan",
            "notice-to-improve", "Notice to Improve",
            "penalty-notice", "Penalty notice",
            "penalty-notice-withdrawn", "Penalty notice withdrawn",
            "leave-decision", "Decision on a leave of absence request");
    /** What a template may use, as LetterModel offers it. */
    static final List<String> VARIABLES = List.of("${pupil.forename}", "${pupil.surname}", "${pupil.fullName}",
            "${pupil.yearGroup}", "${school.name}", "${parent.name}", "${today}", "${fields.meetingDate} (any field the case step sends)");

    private final LetterTemplates templates;
    private final LetterTemplateEditing editing;
    private final ScopeDirectory scopes;

    LetterTemplatePages(LetterTemplates templates, LetterTemplateEditing editing, ScopeDirectory scopes) {
        this.templates = templates;
        this.editing = editing;
        this.scopes = scopes;
    }

    @GetMapping
    String list(@RequestParam(required = false) String la, Model model) {
        String editable = editing.editableLa(la);
        model.addAttribute("rows", LetterTemplates.KEYS.stream().map(key -> row(key, editable)).toList());
        describeLa(editable, model);
        return "notification/letters";
    }

    @GetMapping("/{key}")
    String edit(@PathVariable String key, @RequestParam(required = false) String la, Model model) {
        String editable = editing.editableLa(la);
        editing.checkExists(key);
        LetterTemplate current = editing.own(key, editable).orElseGet(() -> templates.effective(key, editable));
        return editor(key, editable, current.subject(), current.body(), null, Map.of(), model);
    }

    @PostMapping("/{key}")
    String save(@PathVariable String key, @RequestParam(required = false) String la,
                @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
                @RequestParam(defaultValue = "preview") String action, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        String editable = editing.editableLa(la);
        try {
            if ("save".equals(action)) {
                editing.save(key, editable, subject, body);
                redirect.addFlashAttribute("success", name(key) + ": your changes are saved");
                return "redirect:/admin/letters" + laQuery(editable);
            }
            var rendered = editing.preview(key, editable, subject, body);
            var preview = new Preview(rendered.subject(), Jsoup.parse(rendered.html()).body().html());
            return editor(key, editable, subject, body, preview, Map.of(), model);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            var errors = new LinkedHashMap<String, String>();
            e.problems().forEach(p -> errors.putIfAbsent(p.where(), sentence(p)));
            if (errors.isEmpty()) {
                errors.put("body", e.getMessage());
            }
            return editor(key, editable, subject, body, null, errors, model);
        }
    }

    @PostMapping("/{key}/revert")
    String revert(@PathVariable String key, @RequestParam(required = false) String la, RedirectAttributes redirect) {
        String editable = editing.editableLa(la);
        boolean removed = editing.revert(key, editable);
        String fallback = editable == null ? "the version shipped with the application" : "the national version";
        redirect.addFlashAttribute("success", removed ? name(key) + " now uses " + fallback
                : name(key) + " already used " + fallback);
        return "redirect:/admin/letters" + laQuery(editable);
    }

    private String editor(String key, String la, String subject, String body, Preview preview,
                          Map<String, String> errors, Model model) {
        model.addAttribute("key", key);
        model.addAttribute("name", name(key));
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
        model.addAttribute("hasOwn", editing.own(key, la).isPresent());
        model.addAttribute("variables", VARIABLES);
        describeLa(la, model);
        return "notification/letter";
    }

    private void describeLa(String la, Model model) {
        model.addAttribute("la", la);
        model.addAttribute("laName", la == null ? null : scopes.localAuthorityName(la).orElse(la));
        var authorities = new ArrayList<Choice>(List.of(Choice.of("", "National versions (every local authority)",
                la == null ? "" : la)));
        scopes.localAuthorities().forEach((code, laName) -> authorities.add(Choice.of(code, laName + " (" + code + ")", la)));
        model.addAttribute("localAuthorities", authorities);
    }

    private Row row(String key, String la) {
        Optional<LetterTemplate> national = templates.stored(key, null);
        String nationalText = national.map(t -> "Changed " + changed(t)).orElse("As shipped with the application");
        if (la == null) {
            return new Row(key, name(key), nationalText, null, national.isPresent());
        }
        Optional<LetterTemplate> own = templates.stored(key, la);
        return new Row(key, name(key), nationalText,
                own.map(t -> "Own version, changed " + changed(t)).orElse("Uses the national version"), own.isPresent());
    }

    private static String changed(LetterTemplate template) {
        return "on " + DAY.format(template.updatedAt()) + " by " + template.updatedBy();
    }

    static String name(String key) {
        return NAMES.getOrDefault(key, key.replace('-', ' '));
    }

    private static String laQuery(String la) {
        return la == null ? "" : "?la=" + la;
    }

    private static String sentence(InvalidInputException.Problem problem) {
        String field = problem.where().equals("subject") ? "Subject" : "Letter";
        String message = problem.message();
        if (message.equals("is required")) {
            return problem.where().equals("subject") ? "Enter a subject" : "Enter the letter";
        }
        if (message.startsWith("must")) {
            return field + " " + message;
        }
        return "The letter cannot be used: " + message;
    }
}
