package org.openattendance.leave;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openattendance.shared.InvalidInputException.Problem;

/** Evidence files: at most three, 5 MB each, PDF, JPEG or PNG, recognised by their content rather than their name. */
final class EvidenceCheck {

    static final int MAX_FILES = 3;
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private EvidenceCheck() {
    }

    /** The file's real type, or null when it is none of the three. */
    static String contentType(byte[] content) {
        if (startsWith(content, PDF)) {
            return "application/pdf";
        }
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        return startsWith(content, PNG) ? "image/png" : null;
    }

    static List<Problem> problems(List<LeaveRequestStore.EvidenceFile> files) {
        var problems = new ArrayList<Problem>();
        if (files.size() > MAX_FILES) {
            problems.add(new Problem("evidence", "at most " + MAX_FILES + " files"));
        }
        for (var file : files) {
            if (file.content().length > MAX_BYTES) {
                problems.add(new Problem("evidence", file.fileName() + " is larger than 5 MB"));
            } else if (contentType(file.content()) == null) {
                problems.add(new Problem("evidence", file.fileName() + " is not a PDF, JPEG or PNG file"));
            }
        }
        return problems;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
