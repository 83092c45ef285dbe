package org.openattendance.transfer;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.school.DeletionGround;
import org.openattendance.school.DeletionRequest;
import org.openattendance.school.Pupil;
import org.openattendance.school.RollDeletions;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.web.DateEntry;
import org.openattendance.shared.web.UploadTooLargeException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Common Transfer File pages: a school's attendance staff upload a file for joining pupils and see what was taken
 * and what was not; on a leaver's page they download the file for the next school and may record the deletion from
 * roll with it (through the one deletion path, on the ground "registered at another school").
 */
@Controller
class CtfPages {

    private final CtfImport importer;
    private final CtfExport exporter;
    private final SchoolDirectory directory;
    private final RollDeletions deletions;
    private final Clock clock;

    CtfPages(CtfImport importer, CtfExport exporter, SchoolDirectory directory, RollDeletions deletions, Clock clock) {
        this.importer = importer;
        this.exporter = exporter;
        this.directory = directory;
        this.deletions = deletions;
        this.clock = clock;
    }

    @GetMapping("/schools/{urn}/ctf")
    String importPage(@PathVariable String urn, Model model) {
        prepare(directory.writableSchool(urn), model);
        return "transfer/import";
    }

    @PostMapping("/schools/{urn}/ctf")
    String upload(@PathVariable String urn, @RequestParam(name = "file", required = false) MultipartFile file,
                  HttpServletRequest request, Model model, HttpServletResponse response) throws IOException {
        School school = directory.writableSchool(urn);
        prepare(school, model);
        DateEntry joined = DateEntry.read(request, "joined");
        model.addAttribute("joined", joined);
        String dateProblem = joined.problem("First day at this school", "Enter the pupils' first day at this school");
        if (dateProblem != null) {
            return problem("joined", dateProblem, model, response);
        }
        if (file == null || (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()))) {
            return problem("file", "Select a Common Transfer File (XML)", model, response);
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try {
            if (file.getSize() > importer.maxBytes()) {
                throw new UploadTooLargeException(importer.maxBytes());
            }
            model.addAttribute("result", importer.importFile(school.getUrn(), file.getBytes(), joined.date()));
        } catch (InvalidInputException | UploadTooLargeException e) {
            return problem("file", e.getMessage(), model, response);
        }
        return "transfer/import";
    }

    @GetMapping("/pupils/{upn}/ctf")
    String exportPage(@PathVariable String upn, Model model) {
        Pupil pupil = directory.visiblePupil(upn);
        directory.writableSchool(pupil.getSchoolUrn());
        model.addAttribute("pupil", pupil);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("errors", Map.of());
        model.addAttribute("leaving", false);
        return "transfer/export";
    }

    /** The file for the next school; with {@code leaving}, the deletion from roll is recorded first (or nothing is). */
    @PostMapping("/pupils/{upn}/ctf")
    Object download(@PathVariable String upn, @RequestParam(required = false) String destination,
                    @RequestParam(required = false) String leaving, Model model, HttpServletResponse response) {
        Pupil pupil = directory.visiblePupil(upn);
        directory.writableSchool(pupil.getSchoolUrn());
        String field = "destination";
        boolean isLeaving = "true".equals(leaving) || "yes".equals(leaving);
        try {
            CtfExport.checkDestination(blankToNull(destination));
            field = "leaving";
            if (isLeaving) {
                deletions.delete(pupil.getUpn(), new DeletionRequest(LocalDate.now(clock),
                        DeletionGround.REGISTERED_ELSEWHERE.name(), blankToNull(destination), null, null),
                        RollDeletions.Channel.CTF);
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("pupil", pupil);
            model.addAttribute("today", LocalDate.now(clock));
            model.addAttribute("destination", destination);
            model.addAttribute("leaving", isLeaving);
            model.addAttribute("errors", Map.of(field, e.problems().isEmpty() ? e.getMessage()
                    : String.join(". ", e.problems().stream().map(InvalidInputException.Problem::message).toList())));
            return "transfer/export";
        }
        CtfExport.Export export = exporter.export(pupil.getUpn(), blankToNull(destination));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(export.fileName())
                        .build().toString())
                .body(export.xml());
    }

    private void prepare(School school, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("maxSize", (importer.maxBytes() / (1024 * 1024)) + "MB");
        model.addAttribute("joined", DateEntry.of(LocalDate.now(clock)));
        model.addAttribute("errors", Map.of());
    }

    private static String problem(String field, String message, Model model, HttpServletResponse response) {
        model.addAttribute("errors", Map.of(field, message));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "transfer/import";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
