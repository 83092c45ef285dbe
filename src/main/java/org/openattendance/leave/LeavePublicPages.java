package org.openattendance.leave;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.EvenPace;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.web.Choice;
import org.openattendance.shared.web.DateEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The parent's pages, without a staff sign-in: ask for leave, confirm it with the e-mailed one-time link, see its
 * status and withdraw it with the status link. The page answers the same, after the same time, whether or not the
 * details matched a pupil and a parent, so it cannot be used to find out who is at a school; and it is rate-limited
 * ({@link LeavePageLimits}).
 */
@Controller
class LeavePublicPages {

    /** What the parent typed, given back to the page when something needs correcting. */
    record LeaveForm(String school, String forename, String surname, String dobDay, String dobMonth, String dobYear,
                     String email, String fromDate, String fromSession, String toDate, String toSession, String reason,
                     String details, String parentsTravelling) {

        static LeaveForm empty() {
            return new LeaveForm(null, null, null, null, null, null, null, null, "AM", null, "PM", null, null, null);
        }

        NewLeaveRequest asked() {
            return new NewLeaveRequest(fromDate, fromSession, toDate, toSession, reason, details,
                    LeavePageSupport.names(parentsTravelling));
        }

        /** The form with its dates as read from the GOV.UK date inputs. */
        LeaveForm withDates(DateEntry born, DateEntry from, DateEntry to) {
            return new LeaveForm(school, forename, surname, born.day(), born.month(), born.year(), email, from.iso(),
                    fromSession, to.iso(), toSession, reason, details, parentsTravelling);
        }
    }

    private final LeaveRequests requests;
    private final SchoolDirectory directory;
    private final LeavePageLimits limits;
    private final EvenPace pace;
    private final Duration answerTime;

    LeavePublicPages(LeaveRequests requests, SchoolDirectory directory, LeavePageLimits limits, EvenPace pace,
                     @Value("${openattendance.leave.public-answer-time:PT1S}") Duration answerTime) {
        this.requests = requests;
        this.directory = directory;
        this.limits = limits;
        this.pace = pace;
        this.answerTime = answerTime;
    }

    @GetMapping("/leave-request")
    String form(Model model) {
        DateEntry none = DateEntry.of(null, null, null);
        return page(model, LeaveForm.empty(), new LeavePageSupport.PageErrors(), none, none, none);
    }

    @PostMapping("/leave-request")
    String ask(@ModelAttribute LeaveForm form, @RequestParam(name = "evidence", required = false) List<MultipartFile> files,
               Model model, HttpServletRequest request, HttpServletResponse response) {
        limits.countPost(request);
        var evidence = LeavePageSupport.evidence(files);
        DateEntry born = request.getParameter("dateOfBirth-day") != null ? LeavePageSupport.date(request, "dateOfBirth")
                : DateEntry.of(form.dobDay(), form.dobMonth(), form.dobYear());
        DateEntry from = LeavePageSupport.date(request, "fromDate");
        DateEntry to = LeavePageSupport.date(request, "toDate");
        var typed = new LeavePageSupport.PageErrors();
        addIfAny(typed, "dateOfBirth", LeavePageSupport.dateProblem(born, "Your child's date of birth"));
        addIfAny(typed, "fromDate", LeavePageSupport.dateProblem(from, "First day away"));
        addIfAny(typed, "toDate", LeavePageSupport.dateProblem(to, "Last day away"));
        LeaveForm read = form.withDates(born, from, to);
        try {
            // Whether or not the details matched a pupil and parent (more to store, an e-mail to queue), the
            // answer comes after the same time. A date that is not real reaches the check as missing: it fails.
            pace.atLeast(answerTime, () -> requests.askOnline(new LeaveRequests.ParentIdentity(read.school(),
                    read.forename(), read.surname(), born.date(), read.email()), read.asked(), evidence));
            if (typed.isEmpty()) {
                return "redirect:/leave-request/sent";
            }
        } catch (InvalidInputException e) {
            // every problem at once: the boxes' own first, then what the request's check found about the rest
            typed.addUnlessShown(e);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, read, typed, born, from, to);
    }

    private static void addIfAny(LeavePageSupport.PageErrors errors, String field, String message) {
        if (message != null) {
            errors.add(field, message);
        }
    }

    @GetMapping("/leave-request/sent")
    String sent() {
        return "leave/sent";
    }

    @GetMapping("/leave-request/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
        // Opening the link only asks: e-mail scanners that fetch links must not use up the one-time link.
        if (!requests.confirmable(token)) {
            return linkNotValid(response);
        }
        model.addAttribute("token", token);
        return "leave/confirm";
    }

    @PostMapping("/leave-request/confirm/{token}")
    String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        limits.countPost(request);
        return requests.confirm(token).map(status -> "redirect:/leave-request/status/" + status)
                .orElseGet(() -> linkNotValid(response));
    }

    @GetMapping("/leave-request/status/{token}")
    String status(@PathVariable String token, Model model, HttpServletResponse response) {
        var request = requests.byStatusLink(token);
        if (request.isEmpty()) {
            return linkNotValid(response);
        }
        model.addAttribute("token", token);
        model.addAttribute("request", request.get());
        model.addAttribute("pupil", directory.pupilsByIds(List.of(request.get().pupilId())).get(0));
        model.addAttribute("schoolName", directory.school(request.get().schoolUrn()).map(School::getName).orElse(""));
        model.addAttribute("statusText", statusText(request.get().status()));
        model.addAttribute("dates", LeaveRequestSummaries.dates(request.get()));
        model.addAttribute("granted", LeaveRequestSummaries.granted(request.get()));
        model.addAttribute("canWithdraw", request.get().status().awaitsDecision());
        return "leave/status";
    }

    @PostMapping("/leave-request/status/{token}/withdraw")
    String withdraw(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        limits.countPost(request);
        if (requests.byStatusLink(token).isEmpty()) {
            return linkNotValid(response);
        }
        try {
            requests.withdrawByParent(token);
        } catch (LeaveRequests.NotWithdrawableException e) {
            // Decided in the meantime: the status page shows the decision.
        }
        return "redirect:/leave-request/status/" + token;
    }

    private String page(Model model, LeaveForm form, LeavePageSupport.PageErrors errors, DateEntry born, DateEntry from,
                        DateEntry to) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("born", born);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("reasonOptions", LeavePageSupport.reasonOptions(form.reason()));
        var schools = new ArrayList<Choice>(List.of(Choice.of("", "Choose a school", form.school() == null ? "" : form.school())));
        directory.allSchools().forEach(s -> schools.add(Choice.of(s.getUrn(), s.getName(), form.school())));
        model.addAttribute("schools", schools);
        model.addAttribute("fromSessions", LeavePageSupport.fromSessions(form.fromSession()));
        model.addAttribute("toSessions", LeavePageSupport.toSessions(form.toSession()));
        model.addAttribute("reasons", LeaveReason.values());
        model.addAttribute("maxFiles", EvidenceCheck.MAX_FILES);
        return "leave/request";
    }

    private static String linkNotValid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_GONE);
        return "leave/link-not-valid";
    }



    static String statusText(LeaveStatus status) {
        return switch (status) {
            case UNCONFIRMED -> "Not confirmed yet";
            case SUBMITTED -> "Received: the school office will check it";
            case CHECKED -> "Checked: waiting for the headteacher's decision";
            case GRANTED -> "Granted";
            case PARTLY_GRANTED -> "Partly granted";
            case REFUSED -> "Refused";
            case WITHDRAWN -> "Withdrawn";
            case TAKEN_UNAUTHORISED -> "Refused, and the absence was recorded as unauthorised";
        };
    }
}
