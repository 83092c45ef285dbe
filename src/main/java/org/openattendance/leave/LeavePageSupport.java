package org.openattendance.leave;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openattendance.shared.InvalidInputException;
import org.springframework.web.multipart.MultipartFile;

/** What the parent's and the staff pages share: uploaded evidence, names typed in a line, problems by field. */
final class LeavePageSupport {

    private LeavePageSupport() {
    }

    static List<LeaveRequestStore.EvidenceFile> evidence(List<MultipartFile> files) {
        var found = new ArrayList<LeaveRequestStore.EvidenceFile>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()) {
                continue; // an empty file input still sends a part
            }
            try {
                found.add(new LeaveRequestStore.EvidenceFile(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    static List<String> names(String line) {
        return line == null ? List.of()
                : Arrays.stream(line.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The problems by the page's field ("from.date" is the first day's input). */
    static Map<String, String> errors(InvalidInputException e) {
        var errors = new LinkedHashMap<String, String>();
        e.problems().forEach(p -> errors.merge(switch (p.where()) {
            case "from.date", "from", "from.session" -> "fromDate";
            case "to.date", "to", "to.session" -> "toDate";
            default -> p.where();
        }, p.message(), (a, b) -> a + "; " + b));
        return errors;
    }
}
