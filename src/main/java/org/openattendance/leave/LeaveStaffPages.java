package org.openattendance.leave;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.web.Choice;
import org.openattendance.shared.web.DateEntry;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages: a pupil's leave requests, a paper request entered by the office, one request in full. */
@Controller
class LeaveStaffPages {

    /** The paper form as typed in by the office. */
    record PaperForm(String requestedBy, String fromDate, String fromSession, String toDate, String toSession,
                     String reason, String details, String parentsTravelling) {

        static PaperForm empty() {
            return new PaperForm(null, null, "AM", null, "PM", null, null, null);
        }

        NewLeaveRequest asked() {
            return new NewLeaveRequest(fromDate, fromSession, toDate, toSession, reason, details,
                    LeavePageSupport.names(parentsTravelling));
        }

        /** The form with its dates as read from the GOV.UK date inputs. */
        PaperForm withDates(DateEntry from, DateEntry to) {
            return new PaperForm(requestedBy, from.iso(), fromSession, to.iso(), toSession, reason, details,
                    parentsTravelling);
        }
    }

    private final LeaveRequests requests;
    private final SchoolDirectory directory;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final LeaveRequestSummaries summaries;

    LeaveStaffPages(LeaveRequests requests, SchoolDirectory directory, AccessPolicy access, AuditTrail audit,
                    LeaveRequestSummaries summaries) {
        this.summaries = summaries;
        this.requests = requests;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/pupils/{upn}/leave-requests")
    String list(@PathVariable String upn, Model model) {
        Pupil pupil = directory.visiblePupil(upn);
        var found = requests.ofPupil(pupil.getUpn());
        audit.record(AuditTrail.Action.READ_PUPIL, "leave-request", pupil.getUpn(), "leave requests page");
        model.addAttribute("pupil", pupil);
        model.addAttribute("requests", found);
        model.addAttribute("statusText", statusTexts());
        model.addAttribute("canEnter", access.canChangeSchoolRecords(access.currentUser(), pupil.getSchoolUrn()));
        return "leave/staff-list";
    }

    @GetMapping("/pupils/{upn}/leave-requests/new")
    String newRequest(@PathVariable String upn, Model model) {
        Pupil pupil = directory.visiblePupil(upn);
        directory.writableSchool(pupil.getSchoolUrn());
        // The page names the pupil and their parents, to choose who asked.
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", pupil.getUpn(), "paper leave request page");
        DateEntry none = DateEntry.of(null, null, null);
        return paperPage(model, pupil, PaperForm.empty(), new LeavePageSupport.PageErrors(), none, none);
    }

    @PostMapping("/pupils/{upn}/leave-requests")
    String enter(@PathVariable String upn, @ModelAttribute PaperForm form,
                 @RequestParam(name = "evidence", required = false) List<MultipartFile> files, HttpServletRequest request,
                 Model model, HttpServletResponse response) {
        Pupil pupil = directory.visiblePupil(upn);
        DateEntry from = LeavePageSupport.date(request, "fromDate");
        DateEntry to = LeavePageSupport.date(request, "toDate");
        var errors = new LeavePageSupport.PageErrors();
        String fromProblem = LeavePageSupport.dateProblem(from, "First day away");
        String toProblem = LeavePageSupport.dateProblem(to, "Last day away");
        if (fromProblem != null) {
            errors.add("fromDate", fromProblem);
        }
        if (toProblem != null) {
            errors.add("toDate", toProblem);
        }
        PaperForm read = form.withDates(from, to);
        try {
            // With a date that is not real the request's check fails too (the date is missing): nothing is entered.
            var made = requests.enterForPupil(access.currentUser(), pupil.getUpn(), read.asked(), read.requestedBy(),
                    LeavePageSupport.evidence(files), "PAPER");
            if (errors.isEmpty()) {
                return "redirect:/leave-requests/" + made.id();
            }
        } catch (InvalidInputException e) {
            errors.addUnlessShown(e);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return paperPage(model, pupil, read, errors, from, to);
    }

    @GetMapping("/leave-requests/{id}")
    String request(@PathVariable String id, Model model) {
        LeaveRequest request = requests.visible(LeaveRequests.requestId(id));
        Pupil pupil = directory.visiblePupil(request.upn());
        audit.record(AuditTrail.Action.READ_PUPIL, "leave-request", request.upn(), "leave request " + request.id());
        model.addAttribute("request", request);
        model.addAttribute("pupil", pupil);
        model.addAttribute("schoolName", directory.school(request.schoolUrn()).map(School::getName).orElse(""));
        model.addAttribute("summary", summaries.of(request));
        model.addAttribute("canWithdraw", request.status().awaitsDecision()
                && access.canChangeSchoolRecords(access.currentUser(), request.schoolUrn()));
        return "leave/staff-request";
    }

    @GetMapping("/leave-requests/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable String id, @PathVariable long evidenceId) {
        return requests.visibleEvidence(LeaveRequests.requestId(id), evidenceId).asAttachment();
    }

    @PostMapping("/leave-requests/{id}/withdraw")
    String withdraw(@PathVariable String id, RedirectAttributes redirect) {
        try {
            requests.withdrawByStaff(access.currentUser(), LeaveRequests.requestId(id));
            redirect.addFlashAttribute("message", "The request has been withdrawn.");
        } catch (LeaveRequests.NotWithdrawableException e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/leave-requests/" + id;
    }

    private String paperPage(Model model, Pupil pupil, PaperForm form, LeavePageSupport.PageErrors errors, DateEntry from,
                             DateEntry to) {
        model.addAttribute("pupil", pupil);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("reasonOptions", LeavePageSupport.reasonOptions(form.reason()));
        model.addAttribute("reasons", LeaveReason.values());
        model.addAttribute("parents", pupil.getParents().stream().map(p -> Choice.of(p.getName(), p.getName() + " ("
                + p.getRelationship() + (p.livesWithPupil() ? ", lives with the pupil" : ", does not live with the pupil") + ")",
                form.requestedBy())).toList());
        model.addAttribute("fromSessions", LeavePageSupport.fromSessions(form.fromSession()));
        model.addAttribute("toSessions", LeavePageSupport.toSessions(form.toSession()));
        return "leave/staff-new";
    }

    private static Map<LeaveStatus, String> statusTexts() {
        var texts = new LinkedHashMap<LeaveStatus, String>();
        for (LeaveStatus s : LeaveStatus.values()) {
            texts.put(s, LeavePublicPages.statusText(s));
        }
        return texts;
    }
}
