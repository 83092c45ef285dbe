package org.openattendance.legal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
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
    private static final String[] HEADER = {"Notice number", "UPN", "Pupil", "School URN", "School", "Parent", "Issued",
            "Served", "Received", "Occasion", "Amount due", "Paid", "Paid on", "Status", "Withdrawal ground",
            "Withdrawal reason", "Sessions"};

    private final PenaltyNoticeRegister register;
    private final LegalAccess access;
    private final SchoolDirectory directory;
    private final AuditTrail audit;

    PenaltyNoticeRegisterApi(PenaltyNoticeRegister register, LegalAccess access, SchoolDirectory directory,
                             AuditTrail audit) {
        this.register = register;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping(value = "/api/las/{code}/penalty-notices", produces = "application/json")
    List<NoticeView> json(@PathVariable String code, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String school, @RequestParam(required = false) LocalDate from,
                          @RequestParam(required = false) LocalDate to) {
        var notices = notices(code, status, school, from, to);
        LocalDate today = LegalEngine.today();
        return notices.stream().map(n -> NoticeView.of(n, today)).toList();
    }

    @GetMapping(value = "/api/las/{code}/penalty-notices", produces = CSV)
    ResponseEntity<String> csv(@PathVariable String code, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String school, @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to) {
        var notices = notices(code, status, school, from, to);
        Map<Long, Pupil> pupils = directory.pupilsByIds(notices.stream().map(PenaltyNotice::pupilId).distinct().toList())
                .stream().collect(Collectors.toMap(Pupil::getId, Function.identity()));
        Map<String, String> schools = directory.allSchools().stream()
                .collect(Collectors.toMap(s -> s.getUrn(), s -> s.getName()));
        LocalDate today = LegalEngine.today();
        var out = new StringWriter();
        try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (PenaltyNotice n : notices) {
                Pupil pupil = pupils.get(n.pupilId());
                var service = n.service();
                var withdrawal = n.withdrawal();
                csv.printRecord(List.of(n.number(), n.upn(),
                        pupil == null ? "" : pupil.getForename() + " " + pupil.getSurname(), n.schoolUrn(),
                        schools.getOrDefault(n.schoolUrn(), ""), n.parent().name(), n.issuedOn(),
                        service == null ? "" : service.servedOn(), service == null ? "" : service.receivedOn(),
                        n.terms().occasion(), n.amountDue(today), n.totalPaid(), n.paidOn() == null ? "" : n.paidOn(),
                        n.status(), withdrawal == null ? "" : withdrawal.ground(),
                        withdrawal == null ? "" : withdrawal.reason(), n.sessions().size())
                        .stream().map(CsvCells::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"penalty-notices-" + code + ".csv\"")
                .body(out.toString());
    }

    private List<PenaltyNotice> notices(String code, String status, String school, LocalDate from, LocalDate to) {
        var scope = access.registerScope(code);
        Set<String> schools = scope.schools();
        if (school != null && !school.isBlank()) {
            if (schools != null && !schools.contains(school.strip())) {
                throw new NotFoundException("No school with URN " + school);
            }
            schools = Set.of(school.strip());
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        var notices = register.notices(new PenaltyNoticeRegister.Filter(code, status(status), schools, from, to));
        audit.record(AuditTrail.Action.READ_PUPIL, "penalty-notice-register", code, notices.size() + " notices"
                + (status == null ? "" : ", status " + status) + (school == null ? "" : ", school " + school));
        return notices;
    }

    private static PenaltyNoticeStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PenaltyNoticeStatus.valueOf(status.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Unknown status '" + status + "'; use one of "
                    + List.of(PenaltyNoticeStatus.values()));
        }
    }
}
