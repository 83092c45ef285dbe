package org.openattendance.register;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The register upload page: a school's attendance staff choose a CSV (upn,date,session,code[,minutes_late,reason])
 * and see what was stored and which rows were rejected. A file that cannot be read as a whole is refused with
 * nothing stored. Schools the user cannot see answer 404, schools they can see but not change 403.
 */
@Controller
@RequestMapping("/schools/{urn}/register/upload")
class RegisterUploadPage {

    /** Rejected rows listed on the page; a file where every row is wrong would otherwise make a huge page. */
    static final int MAX_REJECTIONS_SHOWN = 1000;

    /** Messages quote the file (a header, a UPN): a file of one enormous line must not make an enormous page. */
    static final int MAX_TEXT_SHOWN = 300;

    /** A rejected row as the page shows it. */
    record RejectedRow(int line, String upn, String reason) {
    }

    private static final String VIEW = "register/upload";

    private final RegisterService register;
    private final SchoolDirectory directory;
    private final long maxUploadBytes;

    RegisterUploadPage(RegisterService register, SchoolDirectory directory,
                       @Value("${openattendance.register.max-upload-bytes}") long maxUploadBytes) {
        this.register = register;
        this.directory = directory;
        this.maxUploadBytes = maxUploadBytes;
    }

    @GetMapping
    String form(@PathVariable String urn, Model model) {
        prepare(directory.writableSchool(urn), model);
        return VIEW;
    }

    @PostMapping
    String upload(@PathVariable String urn, @RequestParam(name = "file", required = false) MultipartFile file,
                  Model model, HttpServletResponse response) throws IOException {
        School school = directory.writableSchool(urn);
        prepare(school, model);
        if (file == null || (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()))) {
            return problem("Select a CSV file", model, response);
        }
        model.addAttribute("fileName", shorten(file.getOriginalFilename()));
        if (file.getSize() > maxUploadBytes) {
            return problem("The selected file must be smaller than " + megabytes(maxUploadBytes), model, response);
        }
        RegisterLoadResult result;
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            result = register.load(school, register.parser().parseCsv(reader), MarkSource.UPLOAD);
        } catch (InvalidInputException e) {
            return problem(e.getMessage(), model, response);
        }
        model.addAttribute("result", result);
        model.addAttribute("rejectedShown", result.rejected().stream().limit(MAX_REJECTIONS_SHOWN)
                .map(r -> new RejectedRow(r.line(), shorten(r.upn()), shorten(r.reason()))).toList());
        return VIEW;
    }

    private void prepare(School school, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("maxSize", megabytes(maxUploadBytes));
    }

    private static String problem(String message, Model model, HttpServletResponse response) {
        model.addAttribute("error", shorten(message));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return VIEW;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= MAX_TEXT_SHOWN ? text : text.substring(0, MAX_TEXT_SHOWN) + "…";
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + "MB";
    }
}
