package org.openattendance.returns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.school.DeletionGround;
import org.openattendance.school.DeletionRequest;
import org.openattendance.school.Pupil;
import org.openattendance.school.RollDeletions;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.web.Choice;
import org.openattendance.shared.web.DateEntry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The returns pages: a school's staff see their returns (due and overdue first) and make a new pupil's return; an
 * LA's officers see every return of their schools, on time or late. The pupil's deletion page takes a pupil off roll
 * through the one deletion path, shows where the pupil stands on the 20-day ground and starts the joint enquiries.
 */
@Controller
class ReturnsPages {

    private final LaReturns returns;
    private final JointEnquiries enquiries;
    private final TwentyDayGround twentyDays;
    private final RollDeletions deletions;
    private final SchoolDirectory directory;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    ReturnsPages(LaReturns returns, JointEnquiries enquiries, TwentyDayGround twentyDays, RollDeletions deletions,
                 SchoolDirectory directory, AccessPolicy access, AuditTrail audit, Clock clock) {
        this.returns = returns;
        this.enquiries = enquiries;
        this.twentyDays = twentyDays;
        this.deletions = deletions;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/returns")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String school, Model model) {
        LaReturn.Status wanted = Arrays.stream(LaReturn.Status.values()).filter(s -> s.name().equalsIgnoreCase(status))
                .findFirst().orElse(null);
        String schoolUrn = school == null || school.isBlank() ? null : school.trim();
        List<LaReturn> all = returns.visible(new LaReturns.Filter(schoolUrn, null, null));
        var counts = new LinkedHashMap<LaReturn.Status, Long>();
        for (LaReturn.Status s : LaReturn.Status.values()) {
            counts.put(s, all.stream().filter(r -> r.status() == s).count());
        }
        model.addAttribute("returns", wanted == null ? all : all.stream().filter(r -> r.status() == wanted).toList());
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", LaReturn.Status.values());
        model.addAttribute("status", wanted);
        model.addAttribute("school", schoolUrn);
        var schools = directory.visibleSchools();
        model.addAttribute("schools", schools);
        var schoolChoices = new ArrayList<Choice>(List.of(Choice.of("", "All your schools", schoolUrn == null ? "" : schoolUrn)));
        schools.forEach(s -> schoolChoices.add(Choice.of(s.getUrn(), s.getName(), schoolUrn)));
        model.addAttribute("schoolChoices", schoolChoices);
        return "returns/list";
    }

    @GetMapping("/returns/{id}")
    String one(@PathVariable long id, Model model) {
        LaReturn found = returns.visibleReturn(id);
        model.addAttribute("laReturn", found);
        model.addAttribute("canMake", !found.isMade() && found.kind() == LaReturn.Kind.NEW_PUPIL
                && access.canChangeSchoolRecords(access.currentUser(), found.schoolUrn()));
        model.addAttribute("form", new LaReturns.NewPupilDetails(null, null, null));
        model.addAttribute("sexes", sexes(null));
        model.addAttribute("errors", Map.of());
        return "returns/return";
    }

    @PostMapping("/returns/{id}")
    String make(@PathVariable long id, @RequestParam(required = false) String pupilAddress,
                @RequestParam(required = false) String sex, @RequestParam(required = false) String previousSchool,
                Model model, HttpServletResponse response) {
        var details = new LaReturns.NewPupilDetails(pupilAddress, sex, previousSchool);
        try {
            returns.makeNewPupilReturn(id, details);
            return "redirect:/returns/" + id + "?made";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            LaReturn found = returns.visibleReturn(id);
            model.addAttribute("laReturn", found);
            model.addAttribute("canMake", !found.isMade());
            model.addAttribute("form", details);
            model.addAttribute("sexes", sexes(sex));
            model.addAttribute("errors", errors(e));
            return "returns/return";
        }
    }

    @GetMapping("/pupils/{upn}/deletion")
    String deletionPage(@PathVariable String upn, Model model) {
        Pupil pupil = writablePupil(upn);
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", pupil.getUpn(), "deletion from roll page");
        prepare(pupil, model, DeletionForm.empty(), Map.of());
        return "returns/deletion";
    }

    /** The form as entered; the dates as typed into GOV.UK date inputs, so a bad one is shown back. */
    record DeletionForm(String ground, DateEntry deletionDate, String destinationSchool, String newAddress,
                        DateEntry parentNoticeDate) {

        static DeletionForm empty() {
            return new DeletionForm(null, DateEntry.of(null), null, null, DateEntry.of(null));
        }
    }

    @PostMapping("/pupils/{upn}/deletion")
    String delete(@PathVariable String upn, @RequestParam(required = false) String ground,
                  @RequestParam(required = false) String destinationSchool,
                  @RequestParam(required = false) String newAddress, HttpServletRequest request, Model model,
                  HttpServletResponse response) {
        Pupil pupil = writablePupil(upn);
        var form = new DeletionForm(ground, DateEntry.read(request, "deletionDate"), destinationSchool, newAddress,
                DateEntry.read(request, "parentNoticeDate"));
        var errors = new LinkedHashMap<String, String>();
        if (ground == null || ground.isBlank()) {
            errors.put("deletionGround-0", "Choose the ground for the deletion");
        }
        putIfPresent(errors, "deletionDate", form.deletionDate().problem("Last day on roll", "Enter the last day on roll"));
        putIfPresent(errors, "parentNoticeDate",
                form.parentNoticeDate().problem("Date of the parent's written notice", null));
        if (errors.isEmpty()) {
            try {
                deletions.delete(pupil.getUpn(), new DeletionRequest(form.deletionDate().date(), ground,
                        destinationSchool, newAddress, form.parentNoticeDate().date()), RollDeletions.Channel.PAGE);
                return "redirect:/pupils/" + pupil.getUpn() + "/deletion?deleted";
            } catch (InvalidInputException e) {
                errors.putAll(errors(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        prepare(pupil, model, form, errors);
        return "returns/deletion";
    }

    @PostMapping("/pupils/{upn}/twenty-day-enquiries")
    String startEnquiries(@PathVariable String upn, Model model, HttpServletResponse response) {
        Pupil pupil = writablePupil(upn);
        try {
            enquiries.start(pupil.getUpn());
            return "redirect:/pupils/" + pupil.getUpn() + "/deletion?enquiries";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            prepare(pupil, model, new DeletionForm(DeletionGround.CONTINUOUS_ABSENCE.name(), DateEntry.of(null), null,
                            null, DateEntry.of(null)),
                    Map.of("enquiries", e.getMessage()));
            return "returns/deletion";
        }
    }

    private Pupil writablePupil(String upn) {
        Pupil pupil = directory.visiblePupil(upn);
        directory.writableSchool(pupil.getSchoolUrn());
        return pupil;
    }

    private void prepare(Pupil pupil, Model model, DeletionForm form, Map<String, String> errors) {
        School school = directory.school(pupil.getSchoolUrn()).orElseThrow();
        model.addAttribute("pupil", pupil);
        model.addAttribute("school", school);
        model.addAttribute("grounds", Arrays.stream(DeletionGround.values()).map(g -> Choice.of(g.name(),
                g.label() + (g.regulation().startsWith("9") ? " (" + g.regulation() + ")" : ""), form.ground())).toList());
        model.addAttribute("standing", twentyDays.standing(pupil));
        model.addAttribute("enquiriesRunning", enquiries.isRunning(pupil.getUpn()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(clock));
    }

    private static void putIfPresent(Map<String, String> errors, String field, String problem) {
        if (problem != null) {
            errors.put(field, problem);
        }
    }

    private static Map<String, String> errors(InvalidInputException e) {
        var errors = new LinkedHashMap<String, String>();
        if (e.problems().isEmpty()) {
            errors.put("", e.getMessage());
        }
        e.problems().forEach(p -> errors.merge(field(p.where()), capitalise(p.message()),
                (a, b) -> a + ". " + b));
        return errors;
    }

    /** The sexes an admission register records (F or M), as radios. */
    private static List<Choice> sexes(String chosen) {
        return List.of(Choice.of("F", "Female", chosen), Choice.of("M", "Male", chosen));
    }

    /** The field a problem is shown at: a radios group's first radio, the summary's link target. */
    private static String field(String where) {
        return switch (where) {
            case "" -> "";
            case "deletionGround", "sex" -> where + "-0";
            default -> where;
        };
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
