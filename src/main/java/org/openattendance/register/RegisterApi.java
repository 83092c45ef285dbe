package org.openattendance.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.web.UploadTooLargeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegisterApi {

    /** A pupil's marks over a period, by default the academic year to date. */
    record MarksBody(String upn, LocalDate from, LocalDate to, List<RegisterQueries.Mark> marks) {
    }

    private final RegisterService register;
    private final RegisterQueries queries;
    private final AttendanceCodes codes;
    private final SchoolDirectory directory;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final long maxUploadBytes;
    private final Clock clock;

    RegisterApi(RegisterService register, RegisterQueries queries, AttendanceCodes codes,
                       SchoolDirectory directory, AuditTrail audit, ObjectMapper json,
                       @Value("${openattendance.register.max-upload-bytes}") long maxUploadBytes, Clock clock) {
        this.clock = clock;
        this.register = register;
        this.queries = queries;
        this.codes = codes;
        this.directory = directory;
        this.audit = audit;
        this.json = json;
        this.maxUploadBytes = maxUploadBytes;
    }

    @PostMapping(path = "/api/schools/{urn}/marks", consumes = "text/csv")
    ResponseEntity<RegisterLoadResult> uploadCsv(@PathVariable String urn, HttpServletRequest request) throws IOException {
        School school = directory.writableSchool(urn);
        byte[] body = readLimited(request.getInputStream());
        var rows = register.parser().parseCsv(new InputStreamReader(new java.io.ByteArrayInputStream(body), StandardCharsets.UTF_8));
        return answer(register.load(school, rows, MarkSource.API));
    }

    @PostMapping(path = "/api/schools/{urn}/marks", consumes = "application/json")
    ResponseEntity<RegisterLoadResult> uploadJson(@PathVariable String urn, HttpServletRequest request) throws IOException {
        School school = directory.writableSchool(urn);
        byte[] body = readLimited(request.getInputStream());
        List<Map<String, Object>> items;
        try {
            items = json.readValue(body, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("The body must be a JSON array of marks {upn, date, session, code, "
                    + "minutes_late, reason}: " + e.getOriginalMessage());
        }
        return answer(register.load(school, register.parser().parseJson(items), MarkSource.API));
    }

    @GetMapping("/api/pupils/{upn}/marks")
    MarksBody marks(@PathVariable String upn,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Pupil pupil = directory.visiblePupil(upn);
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? AcademicYear.containing(end).firstDay() : from;
        if (end.isBefore(start)) {
            throw new InvalidInputException("'to' (" + end + ") is before 'from' (" + start + ")");
        }
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", pupil.getUpn(), "marks " + start + " to " + end);
        return new MarksBody(pupil.getUpn(), start, end, queries.marksOf(pupil.getId(), start, end));
    }

    @GetMapping("/api/attendance-codes")
    Collection<AttendanceCode> codes() {
        return codes.all();
    }

    private byte[] readLimited(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxUploadBytes) {
                throw new UploadTooLargeException(maxUploadBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** 200 when anything in the upload was usable; 422 when every row was rejected. */
    private static ResponseEntity<RegisterLoadResult> answer(RegisterLoadResult result) {
        boolean nothingUsable = result.accepted() + result.amended() + result.unchanged() == 0;
        return ResponseEntity.status(nothingUsable ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK).body(result);
    }
}
