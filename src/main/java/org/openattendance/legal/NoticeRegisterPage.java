package org.openattendance.legal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.school.Pupil;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.NotFoundException;
import org.openattendance.shared.web.Choice;
import org.openattendance.shared.web.DateEntry;
import org.openattendance.shared.web.Pagination;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The LA's register of penalty notices as a page: filters (status, school, issued from and to), the figures by
 * status, the notices 50 to a page, and the same selection as CSV for a spreadsheet. An LA role sees its whole LA,
 * school staff their own schools in it (404 otherwise); every view and export is audited.
 */
@Controller
class NoticeRegisterPage {

    static final int PAGE_SIZE = 50;

    /** One notice as a row of the register. */
    record Row(String number, String pupil, String upn, String school, String parent, String issued, String received,
               String amountDue, String paid, PenaltyNoticeStatus status) {
    }

    record StatusCount(String label, int count) {
    }

    private final NoticeRegisterQuery register;
    private final LegalAccess access;
    private final LegalWords words = new LegalWords();

    NoticeRegisterPage(NoticeRegisterQuery register, LegalAccess access) {
        this.register = register;
        this.access = access;
    }

    /** The navigation's "Penalty notices": the register of the signed-in user's LA. */
    @GetMapping("/penalty-notices")
    String mine() {
        StaffUser user = access.user();
        String la = user.laCode();
        if (la == null) {
            la = register.laOfSchools(user.schools());
        }
        if (la == null) {
            throw new NotFoundException("No register of penalty notices for you");
        }
        return "redirect:/las/" + la + "/penalty-notices";
    }

    @GetMapping("/las/{code}/penalty-notices")
    String page(@PathVariable String code, @RequestParam(required = false) String status,
                @RequestParam(required = false) String school,
                @RequestParam(name = "from-day", required = false) String fromDay,
                @RequestParam(name = "from-month", required = false) String fromMonth,
                @RequestParam(name = "from-year", required = false) String fromYear,
                @RequestParam(name = "to-day", required = false) String toDay,
                @RequestParam(name = "to-month", required = false) String toMonth,
                @RequestParam(name = "to-year", required = false) String toYear,
                @RequestParam(defaultValue = "1") int page, Model model, HttpServletResponse response) {
        DateEntry from = DateEntry.of(fromDay, fromMonth, fromYear);
        DateEntry to = DateEntry.of(toDay, toMonth, toYear);
        var errors = new LinkedHashMap<String, String>();
        if (!from.isEmpty() && !from.isValid()) {
            errors.put("from", from.message("Issued from"));
        }
        if (!to.isEmpty() && !to.isValid()) {
            errors.put("to", to.message("Issued to"));
        }
        if (from.isValid() && to.isValid() && to.date().isBefore(from.date())) {
            errors.put("to", "Issued to must be the same as or after issued from");
        }
        PenaltyNoticeStatus chosen = chosenStatus(status);
        String chosenSchool = school == null || school.isBlank() ? null : school.strip();
        List<PenaltyNotice> notices = errors.isEmpty()
                ? register.notices(code, chosen, chosenSchool, from.date(), to.date())
                : List.of();
        if (!errors.isEmpty()) {
            register.schools(code, chosenSchool);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        int pages = Math.max(1, (notices.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        var shown = notices.subList((current - 1) * PAGE_SIZE, Math.min(notices.size(), current * PAGE_SIZE));

        model.addAttribute("code", code);
        model.addAttribute("laName", register.laName(code));
        model.addAttribute("rows", rows(shown));
        model.addAttribute("total", notices.size());
        model.addAttribute("counts", counts(notices));
        model.addAttribute("statusOptions", statusOptions(chosen));
        model.addAttribute("schoolOptions", schoolOptions(code, chosenSchool));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
        String query = query(chosen, chosenSchool, from.date(), to.date());
        model.addAttribute("csvHref", "/las/" + code + "/penalty-notices.csv" + query);
        model.addAttribute("pagination", Pagination.of(current, pages, n -> "/las/" + code + "/penalty-notices"
                + pageQuery(chosen, chosenSchool, from, to, n)));
        model.addAttribute("wholeLa", access.registerScope(code).schools() == null);
        return "legal/register";
    }

    @GetMapping("/las/{code}/penalty-notices.csv")
    ResponseEntity<String> csv(@PathVariable String code, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String school,
                               @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        var notices = register.notices(code, NoticeRegisterQuery.status(status), school, from, to);
        return PenaltyNoticeRegisterApi.csvAnswer(code, register.csv(notices));
    }

    private List<Row> rows(List<PenaltyNotice> notices) {
        Map<Long, Pupil> pupils = register.pupils(notices);
        Map<String, String> schools = register.schoolNames();
        LocalDate today = LegalEngine.today();
        var rows = new ArrayList<Row>();
        for (PenaltyNotice n : notices) {
            Pupil pupil = pupils.get(n.pupilId());
            rows.add(new Row(n.number(), pupil == null ? n.upn() : pupil.getForename() + " " + pupil.getSurname(),
                    n.upn(), schools.getOrDefault(n.schoolUrn(), n.schoolUrn()), n.parent().name(),
                    words.day(n.issuedOn()), n.service() == null ? "Not served yet" : words.day(n.service().receivedOn()),
                    words.money(n.amountDue(today)), words.money(n.totalPaid()), n.status()));
        }
        return rows;
    }

    private List<StatusCount> counts(List<PenaltyNotice> notices) {
        var counts = new EnumMap<PenaltyNoticeStatus, Integer>(PenaltyNoticeStatus.class);
        notices.forEach(n -> counts.merge(n.status(), 1, Integer::sum));
        return Arrays.stream(PenaltyNoticeStatus.values())
                .map(s -> new StatusCount(words.status(s), counts.getOrDefault(s, 0))).toList();
    }

    private List<Choice> statusOptions(PenaltyNoticeStatus chosen) {
        var options = new ArrayList<Choice>();
        options.add(new Choice("", "Any status", chosen == null));
        Arrays.stream(PenaltyNoticeStatus.values()).forEach(s -> options.add(new Choice(s.name(), words.status(s), s == chosen)));
        return options;
    }

    private List<Choice> schoolOptions(String code, String chosen) {
        var options = new ArrayList<Choice>();
        options.add(new Choice("", "Every school", chosen == null));
        register.choosableSchools(code).forEach(s -> options.add(new Choice(s.getUrn(), s.getName(), s.getUrn().equals(chosen))));
        return options;
    }

    private static PenaltyNoticeStatus chosenStatus(String status) {
        return status == null || status.isBlank() ? null
                : Arrays.stream(PenaltyNoticeStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }

    private static String query(PenaltyNoticeStatus status, String school, LocalDate from, LocalDate to) {
        var uri = UriComponentsBuilder.newInstance();
        if (status != null) {
            uri.queryParam("status", status.name());
        }
        if (school != null) {
            uri.queryParam("school", school);
        }
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        return uri.build().encode().toUriString();
    }

    private static String pageQuery(PenaltyNoticeStatus status, String school, DateEntry from, DateEntry to, int page) {
        var uri = UriComponentsBuilder.newInstance();
        if (status != null) {
            uri.queryParam("status", status.name());
        }
        if (school != null) {
            uri.queryParam("school", school);
        }
        if (from.isValid()) {
            uri.queryParam("from-day", from.day()).queryParam("from-month", from.month()).queryParam("from-year", from.year());
        }
        if (to.isValid()) {
            uri.queryParam("to-day", to.day()).queryParam("to-month", to.month()).queryParam("to-year", to.year());
        }
        uri.queryParam("page", page);
        return uri.build().encode().toUriString();
    }
}
