package org.openattendance.register;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openattendance.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Reads a register upload: CSV with the header {@code upn,date,session,code} and optionally
 * {@code minutes_late,reason}, or a JSON array of objects with the same fields. A file that cannot be read
 * as a whole is refused; a bad value in a row is left for the loader to reject with its line.
 */
@Component
public class RegisterUploadParser {

    static final List<String> REQUIRED_COLUMNS = List.of("upn", "date", "session", "code");
    static final Set<String> OPTIONAL_COLUMNS = Set.of("minutes_late", "reason");

    /**
     * Reads the header at once (a wrong header is refused before anything is stored) and the rows lazily, as the
     * loader consumes them: a malformed line further down throws {@link InvalidInputException} then, and the
     * loader's transaction rolls back. The result can be iterated once.
     */
    public Iterable<MarkRow> parseCsv(Reader input) {
        Reader csv = withoutByteOrderMark(input);
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();
        CSVParser parser;
        try {
            parser = format.parse(csv);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw malformed(e);
        }
        List<String> header = checkHeader(parser.getHeaderNames());
        Iterator<CSVRecord> records = parser.iterator();
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw malformed(e);
                }
            }

            @Override
            public MarkRow next() {
                try {
                    return toRow(records.next(), header);
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw malformed(e);
                }
            }
        };
    }

    /** Spreadsheet programs often start a UTF-8 CSV with a byte order mark, which would spoil the header. */
    private static Reader withoutByteOrderMark(Reader input) {
        var reader = new PushbackReader(input, 1);
        try {
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (IOException e) {
            throw new InvalidInputException("The CSV could not be read: " + e.getMessage());
        }
        return reader;
    }

    private static InvalidInputException malformed(Exception e) {
        return new InvalidInputException("The CSV is malformed: " + rootMessage(e)
                + ". Nothing was stored; check quotes and separators near that place and send the file again");
    }

    public List<MarkRow> parseJson(List<Map<String, Object>> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new InvalidInputException("Send a JSON array with at least one mark");
        }
        var result = new ArrayList<MarkRow>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            if (row == null) {
                throw new InvalidInputException("Item " + (i + 1) + " of the array is null; every item must be an object");
            }
            Object minutes = row.containsKey("minutes_late") ? row.get("minutes_late") : row.get("minutesLate");
            result.add(new MarkRow(i + 1, text(row.get("upn")), text(row.get("date")), text(row.get("session")),
                    text(row.get("code")), text(minutes), text(row.get("reason"))));
        }
        return result;
    }

    private static List<String> checkHeader(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("The CSV is empty; the first line must be the header "
                    + String.join(",", REQUIRED_COLUMNS) + " (optionally ,minutes_late,reason)");
        }
        List<String> header = names.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
        var missing = REQUIRED_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        var unknown = header.stream().filter(c -> !REQUIRED_COLUMNS.contains(c) && !OPTIONAL_COLUMNS.contains(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            String given = String.join(",", names);
            throw new InvalidInputException("Wrong CSV header '" + (given.length() > 200 ? given.substring(0, 200) + "…" : given) + "': "
                    + (missing.isEmpty() ? "" : "missing " + missing + " ")
                    + (unknown.isEmpty() ? "" : "unknown " + unknown + " ")
                    + "- expected " + String.join(",", REQUIRED_COLUMNS) + " and optionally minutes_late,reason");
        }
        return header;
    }

    private static MarkRow toRow(CSVRecord record, List<String> header) {
        int line = (int) record.getParser().getCurrentLineNumber();
        if (record.size() != header.size()) {
            return MarkRow.unreadable(line, field(record, header, "upn"),
                    "the line has " + record.size() + " fields but the header has " + header.size());
        }
        return new MarkRow(line, field(record, header, "upn"), field(record, header, "date"),
                field(record, header, "session"), field(record, header, "code"),
                field(record, header, "minutes_late"), field(record, header, "reason"));
    }

    private static String field(CSVRecord record, List<String> header, String column) {
        int index = header.indexOf(column);
        return index >= 0 && index < record.size() ? emptyToNull(record.get(index)) : null;
    }

    private static String text(Object value) {
        return value == null ? null : emptyToNull(value.toString().trim());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
