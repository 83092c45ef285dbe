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
import org.openattendance.school.School;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The LA's register of penalty notices as the API and the register page read it: the caller's part of the LA (an LA
 * role the whole LA, school staff their own schools in it; 404 otherwise), filtered by status, school and date of
 * issue, audited; and the same as CSV with every cell made safe for a spreadsheet.
 */
@Component
class NoticeRegisterQuery {

    private static final String[] HEADER = {"Notice number", "UPN", "Pupil", "School URN", "School", "Parent", "Issued",
            "Served", "Received", "Occasion", "Amount due", "Paid", "Paid on", "Status", "Withdrawal ground",
            "Withdrawal reason", "Sessions"};

    private final PenaltyNoticeRegister register;
    private final LegalAccess access;
    private final SchoolDirectory directory;
    private final AuditTrail audit;
    private final SchoolAdministration administration;

    NoticeRegisterQuery(PenaltyNoticeRegister register, LegalAccess access, SchoolDirectory directory, AuditTrail audit,
                        SchoolAdministration administration) {
        this.administration = administration;
        this.register = register;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
    }

    /** The caller's part of the LA's register matching the filter, newest first; the read is audited. */
    List<PenaltyNotice> notices(String code, PenaltyNoticeStatus status, String school, LocalDate from, LocalDate to) {
        Set<String> schools = schools(code, school);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        var notices = register.notices(new PenaltyNoticeRegister.Filter(code, status, schools, from, to));
        audit.record(AuditTrail.Action.READ_PUPIL, "penalty-notice-register", code, notices.size() + " notices"
                + (status == null ? "" : ", status " + status) + (school == null || school.isBlank() ? "" : ", school " + school));
        return notices;
    }

    /** The schools of the LA the caller may see, or null for every school; 404 for a school outside them. */
    Set<String> schools(String code, String school) {
        var scope = access.registerScope(code);
        Set<String> schools = scope.schools();
        if (school != null && !school.isBlank()) {
            if (schools != null && !schools.contains(school.strip())) {
                throw new NotFoundException("No school with URN " + school);
            }
            return Set.of(school.strip());
        }
        return schools;
    }

    /** The schools of the LA the caller may choose from, by name. */
    List<School> choosableSchools(String code) {
        Set<String> visible = access.registerScope(code).schools();
        return directory.allSchools().stream().filter(s -> s.getLaCode().equals(code))
                .filter(s -> visible == null || visible.contains(s.getUrn()))
                .sorted(java.util.Comparator.comparing(School::getName)).toList();
    }

    /** The LA of the first of these schools, for school staff's "Penalty notices"; null without schools. */
    String laOfSchools(Set<String> urns) {
        return urns.stream().sorted().map(directory::school).flatMap(java.util.Optional::stream).map(School::getLaCode)
                .findFirst().orElse(null);
    }

    String laName(String code) {
        return administration.localAuthorityName(code).orElse("Local authority " + code);
    }

    Map<Long, Pupil> pupils(List<PenaltyNotice> notices) {
        return directory.pupilsByIds(notices.stream().map(PenaltyNotice::pupilId).distinct().toList())
                .stream().collect(Collectors.toMap(Pupil::getId, Function.identity()));
    }

    Map<String, String> schoolNames() {
        return directory.allSchools().stream().collect(Collectors.toMap(School::getUrn, School::getName));
    }

    static PenaltyNoticeStatus status(String status) {
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

    /** The notices as CSV, one row each; cells starting with =, +, -, @ are made safe. */
    String csv(List<PenaltyNotice> notices) {
        Map<Long, Pupil> pupils = pupils(notices);
        Map<String, String> schools = schoolNames();
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
        return out.toString();
    }
}
