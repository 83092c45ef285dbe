package org.openattendance.legal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The LA's register of penalty notices, filtered by status, school and date of issue, as JSON or CSV
 * ({@code Accept: text/csv}). An LA role sees its whole LA, school staff their own schools in it; 404 otherwise.
 */
@RestController
class PenaltyNoticeRegisterApi {

    static final String CSV = "text/csv";

    private final NoticeRegisterQuery register;

    PenaltyNoticeRegisterApi(NoticeRegisterQuery register) {
        this.register = register;
    }

    @GetMapping(value = "/api/las/{code}/penalty-notices", produces = "application/json")
    List<NoticeView> json(@PathVariable String code, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String school, @RequestParam(required = false) LocalDate from,
                          @RequestParam(required = false) LocalDate to) {
        var notices = register.notices(code, NoticeRegisterQuery.status(status), school, from, to);
        LocalDate today = LegalEngine.today();
        return notices.stream().map(n -> NoticeView.of(n, today)).toList();
    }

    @GetMapping(value = "/api/las/{code}/penalty-notices", produces = CSV)
    ResponseEntity<String> csv(@PathVariable String code, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String school, @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to) {
        var notices = register.notices(code, NoticeRegisterQuery.status(status), school, from, to);
        return csvAnswer(code, register.csv(notices));
    }

    static ResponseEntity<String> csvAnswer(String code, String csv) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"penalty-notices-" + code + ".csv\"")
                .body(csv);
    }
}
