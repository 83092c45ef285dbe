package org.openattendance.staffweb.pupils;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.staffweb.shell.Labels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Find a pupil by name or UPN among the pupils the signed-in user may see. The search is posted (with the CSRF
 * token), so names never appear in URLs, browser history or access logs; the results link to the pupil page.
 */
@Controller
class PupilSearchPage {

    static final int LIMIT = 50;
    static final int MAX_LENGTH = 100;

    /** One pupil found. */
    record Result(String upn, String name, int yearGroup, String school, boolean left) {
        public String year() {
            return Labels.yearGroup(yearGroup);
        }
    }

    private final SchoolDirectory directory;
    private final AuditTrail audit;

    PupilSearchPage(SchoolDirectory directory, AuditTrail audit) {
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/pupils")
    String form(Model model) {
        model.addAttribute("query", "");
        return "pupils/search";
    }

    @PostMapping("/pupils")
    String search(@RequestParam(name = "q", required = false) String query, Model model, HttpServletResponse response) {
        String text = query == null ? "" : query.strip();
        model.addAttribute("query", text);
        String problem = text.isEmpty() ? "Enter a name or UPN"
                : text.length() > MAX_LENGTH ? "Name or UPN must be " + MAX_LENGTH + " characters or fewer" : null;
        if (problem != null) {
            model.addAttribute("error", problem);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "pupils/search";
        }
        List<PupilRoll.PupilMatch> matches = directory.searchVisiblePupils(text, LIMIT + 1);
        Map<String, String> schools = new HashMap<>();
        List<Result> results = matches.stream().limit(LIMIT)
                .map(m -> new Result(m.upn(), m.forename() + " " + m.surname(), m.yearGroup(),
                        schools.computeIfAbsent(m.schoolUrn(), urn -> directory.school(urn)
                                .map(s -> s.getName()).orElse("School " + urn)),
                        m.deletionDate() != null))
                .toList();
        // Which pupils the search showed; the search text itself is left out: it is often a child's name.
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil-search", String.valueOf(results.size()),
                "pupil search found " + results.size() + ": " + String.join(", ", results.stream().map(Result::upn).toList()));
        model.addAttribute("results", results);
        model.addAttribute("more", matches.size() > LIMIT);
        return "pupils/search";
    }
}
