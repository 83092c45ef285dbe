package org.openattendance.returns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        model.addAttribute("schools", directory.visibleSchools());
        return "returns/list";
    }

    @GetMapping("/returns/{id}")
    String one(@PathVariable long id, Model model) {
        LaReturn found = returns.visibleReturn(id);
        model.addAttribute("laReturn", found);
        model.addAttribute("canMake", !found.isMade() && found.kind() == LaReturn.Kind.NEW_PUPIL
                && access.canChangeSchoolRecords(access.currentUser(), found.schoolUrn()));
        model.addAttribute("form", new LaReturns.NewPupilDetails(null, null, null));
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
            model.addAttribute("errors", errors(e));
            return "returns/return";
        }
    }

    @GetMapping("/pupils/{upn}/deletion")
    String deletionPage(@PathVariable String upn, Model model) {
        Pupil pupil = writablePupil(upn);
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", pupil.getUpn(), "deletion from roll page");
        prepare(pupil, model, new DeletionForm(null, null, null, null, null, null, null, null, null), Map.of());
        return "returns/deletion";
    }

    /** The form as entered; dates as GOV.UK date inputs (day, month, year), so a bad one is shown back. */
    record DeletionForm(String ground, String day, String month, String year, String destinationSchool,
                        String newAddress, String noticeDay, String noticeMonth, String noticeYear) {
    }

    @PostMapping("/pupils/{upn}/deletion")
    String delete(@PathVariable String upn, DeletionForm form, Model model, HttpServletResponse response) {
        Pupil pupil = writablePupil(upn);
        var errors = new LinkedHashMap<String, String>();
        LocalDate date = date(form.day(), form.month(), form.year(), "deletionDate",
                "Enter the last day on roll as a real date", errors);
        boolean noNotice = blank(form.noticeDay()) && blank(form.noticeMonth()) && blank(form.noticeYear());
        LocalDate notice = noNotice ? null : date(form.noticeDay(), form.noticeMonth(), form.noticeYear(),
                "parentNoticeDate", "Enter the date of the parent's written notice as a real date", errors);
        if (form.ground() == null || form.ground().isBlank()) {
            errors.put("deletionGround", "Choose the ground for the deletion");
        }
        if (errors.isEmpty()) {
            try {
                deletions.delete(pupil.getUpn(), new DeletionRequest(date, form.ground(), form.destinationSchool(),
                        form.newAddress(), notice), RollDeletions.Channel.PAGE);
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
            prepare(pupil, model, new DeletionForm(DeletionGround.CONTINUOUS_ABSENCE.name(), null, null, null, null, null, null, null, null),
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
        model.addAttribute("grounds", DeletionGround.values());
        model.addAttribute("standing", twentyDays.standing(pupil));
        model.addAttribute("enquiriesRunning", enquiries.isRunning(pupil.getUpn()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(clock));
    }

    private static LocalDate date(String day, String month, String year, String key, String message,
                                  Map<String, String> errors) {
        try {
            return LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (RuntimeException e) {
            errors.put(key, message + ", for example 7 1 2027");
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Map<String, String> errors(InvalidInputException e) {
        var errors = new LinkedHashMap<String, String>();
        if (e.problems().isEmpty()) {
            errors.put("form", e.getMessage());
        }
        e.problems().forEach(p -> errors.merge(p.where().isBlank() ? "form" : p.where(), capitalise(p.message()),
                (a, b) -> a + ". " + b));
        return errors;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
