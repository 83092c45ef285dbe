package org.openattendance.missingeducation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.web.Choice;
import org.openattendance.shared.web.DateEntry;
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
        prepare(register.visibleEntry(id), model, Map.of(), new Entered(DateEntry.of(LocalDate.now(clock)), null, null, null));
        return "missingeducation/entry";
    }

    /** What was typed into the page's two forms, shown back with the problems. */
    private record Entered(DateEntry madeOn, String enquiry, String outcome, String detail) {
    }

    @PostMapping("/missing-education/{id}/enquiries")
    String enquiry(@PathVariable long id, @RequestParam(required = false) String enquiry, HttpServletRequest request,
                   Model model, HttpServletResponse response) {
        DateEntry madeOn = DateEntry.read(request, "madeOn");
        try {
            register.addEnquiry(id, madeOn.date(), enquiry);
            return "redirect:/missing-education/" + id + "?enquiry";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            var errors = errors(e);
            // A date that is not a real one is told as such, not as the register's "give the date".
            String typo = madeOn.isEmpty() ? null : madeOn.message("The date the enquiry was made");
            if (typo != null) {
                errors.put("madeOn", typo);
            }
            prepare(register.visibleEntry(id), model, errors, new Entered(madeOn, enquiry, null, null));
            return "missingeducation/entry";
        }
    }

    @PostMapping("/missing-education/{id}/outcome")
    String outcome(@PathVariable long id, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String detail, Model model, HttpServletResponse response) {
        CmeEntry.Outcome chosen = Arrays.stream(CmeEntry.Outcome.values()).filter(o -> o.name().equals(outcome))
                .findFirst().orElse(null);
        try {
            register.recordOutcome(id, chosen, detail);
            return "redirect:/missing-education/" + id + "?outcome";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            prepare(register.visibleEntry(id), model, errors(e),
                    new Entered(DateEntry.of(LocalDate.now(clock)), null, outcome, detail));
            return "missingeducation/entry";
        }
    }

    private void prepare(CmeEntry entry, Model model, Map<String, String> errors, Entered entered) {
        model.addAttribute("entry", entry);
        model.addAttribute("outcomes", Arrays.stream(CmeEntry.Outcome.values())
                .map(o -> Choice.of(o.name(), o.label(), entered.outcome())).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("madeOn", entered.madeOn());
        model.addAttribute("enquiry", entered.enquiry());
        model.addAttribute("detail", entered.detail());
        model.addAttribute("today", LocalDate.now(clock));
    }

    private static Map<String, String> errors(InvalidInputException e) {
        var errors = new LinkedHashMap<String, String>();
        e.problems().forEach(p -> errors.merge("outcome".equals(p.where()) ? "outcome-0" : p.where(),
                Character.toUpperCase(p.message().charAt(0))
                + p.message().substring(1), (a, b) -> a + ". " + b));
        return errors;
    }
}
