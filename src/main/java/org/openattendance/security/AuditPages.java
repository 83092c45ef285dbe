package org.openattendance.security;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.shared.London;
import org.openattendance.shared.web.DateEntry;
import org.openattendance.shared.web.Pagination;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * For administrators: the audit trail, searched by pupil (who looked at this child's record, and who tried to),
 * by user (what this member of staff did and was refused), by dates and by outcome; newest first, 50 to a page, in
 * plain English. Searching is itself audited.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    /** What the search form sent, kept as typed so that a mistake can be shown and corrected. */
    record SearchForm(String upn, String username, String refused) {

        boolean refusedOnly() {
            return refused != null && !refused.isBlank();
        }

        public boolean isRefusedOnly() {
            return refusedOnly();
        }
    }

    /** One line of the table, in words. */
    record Row(String when, String who, String roles, String what, boolean refused, String pupil, String about,
               String detail, String from) {
    }

    private final AuditSearch search;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final ScopeDirectory scopes;
    private final StaffNames staffNames;

    AuditPages(AuditSearch search, AccessPolicy access, AuditTrail audit, ScopeDirectory scopes, StaffNames staffNames) {
        this.search = search;
        this.access = access;
        this.audit = audit;
        this.scopes = scopes;
        this.staffNames = staffNames;
    }

    @ModelAttribute
    void onlyForAdministrators() {
        access.checkAdmin();
    }

    @GetMapping("/admin/audit")
    String search(SearchForm form, @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model,
                  HttpServletResponse response) {
        var errors = new LinkedHashMap<String, String>();
        String upn = blankToNull(form.upn());
        if (upn != null) {
            upn = upn.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!upn.matches("[A-Z][0-9]{11}[0-9A-Z]")) {
                errors.put("upn", "Enter a UPN of 13 characters: a letter, 11 digits and a digit or letter, like A123456789012");
            }
        }
        DateEntry fromEntry = DateEntry.read(request, "from");
        DateEntry toEntry = DateEntry.read(request, "to");
        LocalDate from = date(fromEntry, "from", "Date from", errors);
        LocalDate to = date(toEntry, "to", "Date to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "Date to must be the same as or after date from");
        }
        model.addAttribute("form", form);
        model.addAttribute("from", fromEntry);
        model.addAttribute("to", toEntry);
        model.addAttribute("errors", errors);
        // The summary links a date's message to its day box.
        var errorLinks = new LinkedHashMap<String, String>();
        errors.forEach((field, message) -> errorLinks.put(anchor(field, "from".equals(field) ? fromEntry : toEntry), message));
        model.addAttribute("errorLinks", errorLinks);
        boolean searched = upn != null || blankToNull(form.username()) != null || from != null || to != null
                || form.refusedOnly();
        model.addAttribute("searched", searched);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("rows", List.of());
            return "security/audit";
        }
        var query = new AuditSearch.Query(upn, blankToNull(form.username()), from, to, form.refusedOnly());
        int current = Math.max(1, page);
        AuditSearch.Found found = search.find(query, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("rows", rows(found.events()));
        model.addAttribute("total", found.total());
        model.addAttribute("firstShown", found.total() == 0 ? 0 : (current - 1) * PAGE_SIZE + 1);
        model.addAttribute("lastShown", Math.min(found.total(), (long) current * PAGE_SIZE));
        model.addAttribute("pagination", Pagination.of(current, pages, n -> pageLink(form, fromEntry, toEntry, n)));
        model.addAttribute("pupilName", upn == null ? null : scopes.pupilNames(List.of(upn)).get(upn));
        if (upn != null) {
            audit.recordAbout(AuditTrail.Action.ADMINISTER, upn, "audit", "search", "searched the audit trail for this pupil");
        } else if (searched) {
            audit.record(AuditTrail.Action.ADMINISTER, "audit", "search", "searched the audit trail"
                    + (query.username() == null ? "" : " for user " + query.username()));
        }
        return "security/audit";
    }

    private List<Row> rows(List<AuditSearch.Event> events) {
        Set<String> upns = events.stream().map(AuditSearch.Event::upn).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> pupils = scopes.pupilNames(upns);
        Map<String, String> who = new HashMap<>();
        events.stream().map(AuditSearch.Event::username).filter(Objects::nonNull).distinct()
                .forEach(username -> who.put(username, nameAndUsername(username)));
        return events.stream().map(e -> new Row(
                WHEN.format(e.at().atZone(London.ZONE)),
                e.username() == null ? null : who.get(e.username()),
                roles(e.roles()),
                AuditWords.what(e.action(), e.outcome(), e.subjectType()),
                "REFUSED".equals(e.outcome()),
                e.upn() == null ? "" : (pupils.containsKey(e.upn()) ? pupils.get(e.upn()) + " (" + e.upn() + ")" : e.upn()),
                about(e),
                e.detail() == null ? "" : AuditWords.sentence(e.detail()),
                e.clientAddress() == null ? "" : e.clientAddress())).toList();
    }

    /** "Priya Shah (priya.shah)": the administrator searches by username, so it stays beside the name. */
    private String nameAndUsername(String username) {
        String name = staffNames.of(username);
        return name.equals(username) ? username : name + " (" + username + ")";
    }

    private String about(AuditSearch.Event e) {
        return switch (e.subjectType()) {
            case "school" -> scopes.schoolName(e.subjectId()).map(name -> name + " (" + e.subjectId() + ")")
                    .orElse("School " + e.subjectId());
            case "user" -> "Account " + e.subjectId();
            case "address" -> "Address " + e.subjectId();
            case "engine" -> "Camunda " + e.subjectId();
            case "path" -> "Page " + e.subjectId();
            case "task" -> "A task";
            case "leave-request" -> "Leave requests";
            case "case" -> "The attendance case";
            case "letter" -> "A letter";
            case "dashboard" -> "Dashboard: " + e.subjectId();
            case "pupil-search" -> "Pupil search";
            default -> "";
        };
    }

    private static String roles(String roles) {
        if (roles == null || roles.isBlank()) {
            return "";
        }
        var words = new ArrayList<String>();
        for (String role : roles.split(",")) {
            try {
                words.add(RoleNames.of(Role.valueOf(role.strip())));
            } catch (IllegalArgumentException e) {
                words.add(role.strip());
            }
        }
        return String.join(", ", words);
    }

    private static String pageLink(SearchForm form, DateEntry from, DateEntry to, int page) {
        var link = UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("upn", java.util.Optional.ofNullable(blankToNull(form.upn())))
                .queryParamIfPresent("username", java.util.Optional.ofNullable(blankToNull(form.username())));
        dateParams(link, "from", from);
        dateParams(link, "to", to);
        return link.queryParamIfPresent("refused", java.util.Optional.ofNullable(form.refusedOnly() ? "yes" : null))
                .queryParam("page", page)
                .encode().toUriString();
    }

    private static void dateParams(UriComponentsBuilder link, String name, DateEntry date) {
        link.queryParamIfPresent(name + "-day", java.util.Optional.ofNullable(blankToNull(date.day())))
                .queryParamIfPresent(name + "-month", java.util.Optional.ofNullable(blankToNull(date.month())))
                .queryParamIfPresent(name + "-year", java.util.Optional.ofNullable(blankToNull(date.year())));
    }

    /** A GOV.UK date input: all three parts or none, a year this century. */
    private static LocalDate date(DateEntry entry, String field, String label, Map<String, String> errors) {
        String problem = entry.problem(label, null);
        if (problem == null && entry.isValid() && (entry.date().getYear() < 2000 || entry.date().getYear() > 2100)) {
            problem = label + " must be a real date";
        }
        if (problem != null) {
            errors.put(field, problem);
            return null;
        }
        return entry.date();
    }

    /** A date's message links to its first box in error (the day box when the whole date is wrong). */
    private static String anchor(String field, DateEntry date) {
        if (!"from".equals(field) && !"to".equals(field)) {
            return field;
        }
        return field + "-" + java.util.stream.Stream.of("day", "month", "year").filter(date.errorParts()::contains)
                .findFirst().orElse("day");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
