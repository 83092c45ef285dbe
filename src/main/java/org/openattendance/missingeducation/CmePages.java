package org.openattendance.missingeducation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The register of children missing education as pages, for the LA's officers and managers (404 for others). */
@Controller
class CmePages {

    private final CmeRegister register;
    private final Clock clock;

    CmePages(CmeRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @GetMapping("/missing-education")
    String list(@RequestParam(defaultValue = "true") boolean open, Model model) {
        LocalDate today = LocalDate.now(clock);
        var entries = register.visibleEntries(open);
        model.addAttribute("entries", entries);
        model.addAttribute("open", open);
        model.addAttribute("today", today);
        model.addAttribute("overdue", entries.stream().filter(e -> e.isOverdue(today)).count());
        return "missingeducation/list";
    }

    @GetMapping("/missing-education/{id}")
    String one(@PathVariable long id, Model model) {
        prepare(register.visibleEntry(id), model, Map.of(), null, null);
        return "missingeducation/entry";
    }

    @PostMapping("/missing-education/{id}/enquiries")
    String enquiry(@PathVariable long id, @RequestParam(required = false) String day,
                   @RequestParam(required = false) String month, @RequestParam(required = false) String year,
                   @RequestParam(required = false) String enquiry, Model model, HttpServletResponse response) {
        LocalDate madeOn = null;
        try {
            madeOn = LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (RuntimeException e) {
            // reported below with the register's own checks
        }
        try {
            register.addEnquiry(id, madeOn, enquiry);
            return "redirect:/missing-education/" + id + "?enquiry";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            prepare(register.visibleEntry(id), model, errors(e), enquiry, null);
            return "missingeducation/entry";
        }
    }

    @PostMapping("/missing-education/{id}/outcome")
    String outcome(@PathVariable long id, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String detail, Model model, HttpServletResponse response) {
        CmeEntry.Outcome chosen = null;
        for (CmeEntry.Outcome o : CmeEntry.Outcome.values()) {
            if (o.name().equals(outcome)) {
                chosen = o;
            }
        }
        try {
            register.recordOutcome(id, chosen, detail);
            return "redirect:/missing-education/" + id + "?outcome";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            prepare(register.visibleEntry(id), model, errors(e), null, detail);
            return "missingeducation/entry";
        }
    }

    private void prepare(CmeEntry entry, Model model, Map<String, String> errors, String enquiry, String detail) {
        model.addAttribute("entry", entry);
        model.addAttribute("outcomes", CmeEntry.Outcome.values());
        model.addAttribute("errors", errors);
        model.addAttribute("enquiry", enquiry);
        model.addAttribute("detail", detail);
        model.addAttribute("today", LocalDate.now(clock));
    }

    private static Map<String, String> errors(InvalidInputException e) {
        var errors = new LinkedHashMap<String, String>();
        e.problems().forEach(p -> errors.merge(p.where(), Character.toUpperCase(p.message().charAt(0))
                + p.message().substring(1), (a, b) -> a + ". " + b));
        return errors;
    }
}
