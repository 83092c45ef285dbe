package org.openattendance.legal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.casework.CaseWork;
import org.openattendance.school.Parent;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.openattendance.shared.web.Choice;
import org.openattendance.shared.web.DateEntry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The school's request for a penalty notice (the form: the evidence the case holds, what is still missing, each
 * parent's details and the school's statement; "Check the evidence" again for another period, "Send the request"
 * refused while anything required is missing) and a request's own page (the whole request, the LA's decision and
 * its reasons, the notices it led to). School staff of the pupil's school send requests; whoever may see the pupil
 * sees them (404 otherwise); every view is audited.
 */
@Controller
class PenaltyRequestPages {

    /** Extra empty parent lines the form offers for a parent not on the school's record. */
    private static final int EXTRA_PARENT_LINES = 1;

    /** One parent line of the form. */
    record ParentEntry(int index, boolean include, String name, String address, DateEntry dateOfBirth, String email,
                       boolean onRecord, String nameError, String addressError, String dateOfBirthError) {
    }

    /** What the form shows and holds. */
    record FormState(RequestRoute route, DateEntry periodFrom, DateEntry periodTo, List<ParentEntry> parents,
                     String schoolStatement) {
    }

    /** A problem as the page shows it: the anchor it links to and the sentence. */
    record PageProblem(String field, String text) {
    }

    private final RequestSubmission submission;
    private final PenaltyRequests requests;
    private final PenaltyRequestViews views;
    private final LegalAccess access;
    private final SchoolDirectory directory;
    private final CaseWork work;
    private final AuditTrail audit;

    PenaltyRequestPages(RequestSubmission submission, PenaltyRequests requests, PenaltyRequestViews views,
                        LegalAccess access, SchoolDirectory directory, CaseWork work, AuditTrail audit) {
        this.submission = submission;
        this.requests = requests;
        this.views = views;
        this.access = access;
        this.directory = directory;
        this.work = work;
        this.audit = audit;
    }

    @GetMapping("/pupils/{upn}/penalty-notice-request")
    String form(@PathVariable String upn, Model model) {
        Pupil pupil = access.visiblePupil(upn);
        access.checkSchoolStaff(pupil);
        var draft = submission.draft(pupil);
        audit.readPupil(pupil.getUpn(), "penalty-notice-request-draft", pupil.getUpn(), "request page");
        var parents = new ArrayList<ParentEntry>();
        int i = 0;
        for (Parent p : pupil.getParents().stream().filter(Parent::hasParentalResponsibility).toList()) {
            parents.add(new ParentEntry(i++, true, p.getName(), p.getAddress(), DateEntry.of(null), p.getEmail(), true,
                    null, null, null));
        }
        for (int extra = 0; extra < EXTRA_PARENT_LINES; extra++) {
            parents.add(new ParentEntry(i++, false, "", "", DateEntry.of(null), "", false, null, null, null));
        }
        var state = new FormState(draft.route(), DateEntry.of(draft.periodFrom()), DateEntry.of(draft.periodTo()), parents, "");
        return page(model, pupil, state, draft, List.of(), false);
    }

    @PostMapping("/pupils/{upn}/penalty-notice-request")
    String send(@PathVariable String upn, HttpServletRequest http, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        Pupil pupil = access.visiblePupil(upn);
        access.checkSchoolStaff(pupil);
        FormState state = read(http);
        var dateProblems = new ArrayList<PageProblem>();
        addDateProblem(dateProblems, "periodFrom", state.periodFrom(), "The first day of the qualifying period");
        addDateProblem(dateProblems, "periodTo", state.periodTo(), "The last day of the qualifying period");
        for (ParentEntry p : state.parents()) {
            if (p.include()) {
                addDateProblem(dateProblems, "parent-" + p.index() + "-dob", p.dateOfBirth(),
                        "The date of birth of " + (p.name().isBlank() ? "parent " + (p.index() + 1) : p.name()));
            }
        }
        RequestForm form = form(state);
        boolean sending = "send".equals(http.getParameter("action"));
        audit.readPupil(pupil.getUpn(), "penalty-notice-request-draft", pupil.getUpn(),
                sending ? "request sent from the page" : "request page: evidence checked");
        var draft = submission.check(pupil, form);
        if (sending && dateProblems.isEmpty()) {
            try {
                var request = submission.submit(pupil, form, access.user().username());
                redirect.addFlashAttribute("sent", true);
                return "redirect:/penalty-notice-requests/" + request.id();
            } catch (InvalidInputException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return page(model, pupil, state, draft, problems(e.problems(), state, dateProblems), true);
            } catch (LegalConflictException e) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                var problems = new ArrayList<PageProblem>();
                problems.add(new PageProblem("", e.getMessage()));
                return page(model, pupil, state, draft, problems, true);
            }
        }
        if (sending) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, pupil, state, draft, problems(draft.missing(), state, dateProblems), true);
        }
        return page(model, pupil, state, draft, dateProblems, false);
    }

    @GetMapping("/penalty-notice-requests/{id}")
    String request(@PathVariable String id, Model model) {
        PenaltyNoticeRequest request = visible(id);
        Pupil pupil = directory.pupil(request.upn()).orElseThrow();
        audit.readPupil(request.upn(), "penalty-notice-request", request.id().toString(), "request page");
        model.addAttribute("r", views.of(request));
        model.addAttribute("pupil", pupil);
        var tasks = work.workableFor(access.user(), pupil.getUpn()).stream()
                .filter(t -> "decide-request".equals(t.taskKey()) || "supply-information".equals(t.taskKey())).toList();
        model.addAttribute("tasks", tasks);
        return "legal/request";
    }

    private PenaltyNoticeRequest visible(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No request for a penalty notice " + id);
        }
        PenaltyNoticeRequest request = requests.find(uuid)
                .orElseThrow(() -> new NotFoundException("No request for a penalty notice " + id));
        try {
            access.visiblePupil(request.upn());
        } catch (NotFoundException e) {
            throw new NotFoundException("No request for a penalty notice " + id);
        }
        return request;
    }

    private String page(Model model, Pupil pupil, FormState state, PenaltyRequests.Draft draft, List<PageProblem> problems,
                        boolean triedToSend) {
        model.addAttribute("pupil", pupil);
        model.addAttribute("school", directory.school(pupil.getSchoolUrn()).map(School::getName).orElse(""));
        model.addAttribute("form", withErrors(state, problems));
        model.addAttribute("evidence", draft.evidence());
        model.addAttribute("missing", missing(draft.missing(), state));
        model.addAttribute("problems", problems);
        model.addAttribute("summary", ErrorSummary.of(problems, PageProblem::field, PageProblem::text));
        model.addAttribute("errors", errorMap(problems));
        model.addAttribute("triedToSend", triedToSend);
        model.addAttribute("caseWaits", submission.caseWaits(pupil));
        var words = new LegalWords();
        model.addAttribute("routeOptions", java.util.Arrays.stream(RequestRoute.values())
                .map(r -> new Choice(r.name(), words.route(r), r == state.route())).toList());
        return "legal/request-form";
    }

    /** The form's values as the school typed them. */
    private static FormState read(HttpServletRequest http) {
        RequestRoute route = null;
        try {
            String value = http.getParameter("route");
            route = value == null || value.isBlank() ? null : RequestRoute.valueOf(value);
        } catch (IllegalArgumentException e) {
            // an unknown route is no route: the check says it is required
        }
        var parents = new ArrayList<ParentEntry>();
        int count = Math.min(parse(http.getParameter("parentCount")), 10);
        for (int i = 0; i < count; i++) {
            String prefix = "parent-" + i + "-";
            parents.add(new ParentEntry(i, "true".equals(http.getParameter(prefix + "include")),
                    text(http, prefix + "name"), text(http, prefix + "address"), date(http, prefix + "dob"),
                    text(http, prefix + "email"), "true".equals(http.getParameter(prefix + "onRecord")), null, null, null));
        }
        return new FormState(route, date(http, "periodFrom"), date(http, "periodTo"), parents, text(http, "schoolStatement"));
    }

    private static RequestForm form(FormState state) {
        var lines = state.parents().stream().filter(ParentEntry::include)
                .map(p -> new RequestForm.ParentLine(p.name(), p.address(), p.dateOfBirth().date(), p.email())).toList();
        return new RequestForm(state.route(), state.periodFrom().date(), state.periodTo().date(), lines,
                state.schoolStatement());
    }

    /** The check's problems as sentences, each linked to its field or to the evidence it is about. */
    private static List<PageProblem> problems(List<InvalidInputException.Problem> found, FormState state,
                                              List<PageProblem> dateProblems) {
        var problems = new ArrayList<>(dateProblems);
        var included = state.parents().stream().filter(ParentEntry::include).toList();
        for (var p : found) {
            String anchor = anchor(p.where(), included);
            if (!anchor.isEmpty() && dateProblems.stream().anyMatch(q -> q.field().equals(anchor))) {
                continue; // the date could not be read: that problem is already said
            }
            problems.add(new PageProblem(anchor, sentence(p.where(), p.message())));
        }
        return problems;
    }

    /** The items still missing, in sentences, for the evidence summary at the top of the form. */
    private static List<PageProblem> missing(List<InvalidInputException.Problem> found, FormState state) {
        return problems(found, state, List.of());
    }

    private static String anchor(String where, List<ParentEntry> included) {
        if (where.startsWith("parents[")) {
            int close = where.indexOf(']');
            int index = Integer.parseInt(where.substring("parents[".length(), close));
            int line = index < included.size() ? included.get(index).index() : index;
            String rest = where.substring(close + 1);
            return switch (rest) {
                case ".name" -> "parent-" + line + "-name";
                case ".address" -> "parent-" + line + "-address";
                case ".dateOfBirth" -> "parent-" + line + "-dob";
                default -> "parent-" + line + "-include";
            };
        }
        return switch (where) {
            case "route" -> "route-0";
            case "periodFrom" -> "periodFrom";
            case "periodTo" -> "periodTo";
            case "schoolStatement" -> "schoolStatement";
            case "parents" -> "parents";
            case "sessions", "holidaySessions" -> "qualifying-sessions";
            case "unexplainedSessions" -> "unexplained-sessions";
            case "noticeToImprove" -> "notice-to-improve";
            case "letters", "meetingsAndSupport" -> "case-evidence";
            default -> "";
        };
    }

    private static String sentence(String where, String message) {
        String subject = switch (where) {
            case "route" -> "Why the school asks";
            case "periodFrom" -> "The first day of the qualifying period";
            case "periodTo" -> "The last day of the qualifying period";
            case "schoolStatement" -> "The school's statement";
            default -> null;
        };
        if (subject != null && message.startsWith("is ")) {
            return subject + " " + message;
        }
        if (subject != null && (message.startsWith("the ") || message.startsWith("name "))) {
            return subject + ": " + message;
        }
        String text = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return LegalWords.plainDates(text);
    }

    private static FormState withErrors(FormState state, List<PageProblem> problems) {
        var errors = errorMap(problems);
        var parents = state.parents().stream().map(p -> new ParentEntry(p.index(), p.include(), p.name(), p.address(),
                p.dateOfBirth(), p.email(), p.onRecord(), errors.get("parent-" + p.index() + "-name"),
                errors.get("parent-" + p.index() + "-address"), errors.get("parent-" + p.index() + "-dob"))).toList();
        return new FormState(state.route(), state.periodFrom(), state.periodTo(), parents, state.schoolStatement());
    }

    private static Map<String, String> errorMap(List<PageProblem> problems) {
        var errors = new LinkedHashMap<String, String>();
        problems.forEach(p -> errors.putIfAbsent(p.field(), p.text()));
        return errors;
    }

    private static void addDateProblem(List<PageProblem> problems, String field, DateEntry entry, String subject) {
        if (!entry.isEmpty() && !entry.isValid()) {
            problems.add(new PageProblem(field, entry.message(subject)));
        }
    }

    private static DateEntry date(HttpServletRequest http, String name) {
        return DateEntry.of(http.getParameter(name + "-day"), http.getParameter(name + "-month"), http.getParameter(name + "-year"));
    }

    private static String text(HttpServletRequest http, String name) {
        String value = http.getParameter(name);
        return value == null ? "" : value.strip();
    }

    private static int parse(String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
