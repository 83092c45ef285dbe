package org.openattendance.leave;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.web.Choice;
import org.openattendance.shared.web.DateEntry;
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

    static List<Choice> reasonOptions(String chosen) {
        return Arrays.stream(LeaveReason.values()).map(r -> Choice.of(r.name(), r.label(), chosen)).toList();
    }

    /** The half day the leave starts: the morning unless the afternoon is chosen. */
    static List<Choice> fromSessions(String chosen) {
        boolean afternoon = "PM".equals(chosen);
        return List.of(new Choice("AM", "the morning of the first day", !afternoon),
                new Choice("PM", "the afternoon of the first day", afternoon));
    }

    /** The half day the leave ends: the end of the day unless the morning is chosen. */
    static List<Choice> toSessions(String chosen) {
        boolean morning = "AM".equals(chosen);
        return List.of(new Choice("PM", "the end of the last day", !morning),
                new Choice("AM", "the end of the morning of the last day", morning));
    }

    /**
     * A page's errors: by field (the message above it, as {@code errors.reason}) and, in the same order, by the id
     * the error summary links to ({@link #summary()}: a date's day box, a group's first radio).
     */
    static final class PageErrors extends LinkedHashMap<String, String> {
        private final Map<String, String> summary = new LinkedHashMap<>();

        void add(String field, String message) {
            if (containsKey(field)) {
                put(field, get(field) + ". " + message);
                summary.put(anchor(field), get(field));
            } else {
                put(field, message);
                summary.put(anchor(field), message);
            }
        }

        /** The request's own check's problems ({@link #errors}), for the fields whose boxes showed none already. */
        void addUnlessShown(InvalidInputException e) {
            errors(e).forEach((field, message) -> {
                if (!containsKey(field)) {
                    add(field, message);
                }
            });
        }

        public Map<String, String> summary() {
            return summary;
        }

        private static String anchor(String field) {
            return switch (field) {
                case "fromDate", "toDate", "dateOfBirth" -> field + "-day";
                case "reason" -> "reason-0";
                default -> field;
            };
        }
    }

    /** The problems by the page's field ("from.date" is the first day's input), as sentences a parent reads. */
    static PageErrors errors(InvalidInputException e) {
        var errors = new PageErrors();
        e.problems().forEach(p -> {
            String field = switch (p.where()) {
                case "from.date", "from", "from.session" -> "fromDate";
                case "to.date", "to", "to.session" -> "toDate";
                default -> p.where();
            };
            errors.add(field, sentence(field, p.message()));
        });
        return errors;
    }

    /** A problem as a sentence: what to do, in the words of the page, not the API's (enum lists, YYYY-MM-DD). */
    static String sentence(String field, String problem) {
        String text = problem == null ? "" : problem.strip();
        if (text.equals("is required")) {
            return switch (field) {
                case "fromDate" -> "Enter the first day your child will be away";
                case "toDate" -> "Enter the last day your child will be away";
                default -> "Enter " + field;
            };
        }
        if (text.startsWith("must be a date")) {
            return (field.equals("toDate") ? "Last day away" : "First day away") + " must be a real date";
        }
        if (text.startsWith("is in the past")) {
            return "The first day away is in the past: ask for leave before it starts (absence already taken is "
                    + "recorded in the register)";
        }
        if (text.equals("the end is before the start")) {
            return "Check the dates: the end is before the start. The last day away must be the same as or after "
                    + "the first day";
        }
        if (field.equals("reason") && text.startsWith("must be one of")) {
            return "Choose the reason for the absence";
        }
        if (field.equals("details") && text.equals("say what the reason is")) {
            return "Tell the headteacher what the reason is";
        }
        if (field.equals("details") && text.startsWith("must be at most")) {
            return "Tell the headteacher more in 4,000 characters or fewer";
        }
        if (field.equals("parentsTravelling")) {
            return "Name at most 10 parents, each in 200 characters or fewer";
        }
        if (text.startsWith("must be AM or PM")) {
            return "Choose whether the leave starts in the morning or the afternoon";
        }
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * A date typed into a GOV.UK date input (inputs {@code name-day}, {@code name-month}, {@code name-year}); a page
     * posted with the date as one ISO value under {@code name} (an older form, a script) still reads.
     */
    static DateEntry date(jakarta.servlet.http.HttpServletRequest request, String name) {
        String whole = request.getParameter(name);
        if (whole != null && !whole.isBlank()) {
            try {
                return DateEntry.of(java.time.LocalDate.parse(whole.strip()));
            } catch (java.time.format.DateTimeParseException e) {
                return DateEntry.of(null, null, whole); // shown back as typed, reported as not a real date
            }
        }
        return DateEntry.of(request.getParameter(name + "-day"), request.getParameter(name + "-month"),
                request.getParameter(name + "-year"));
    }

    /** The problem of a date that is typed but not a real date, as a sentence about it; null when there is none. */
    static String dateProblem(DateEntry date, String subject) {
        return date.isEmpty() || date.isValid() ? null : date.message(subject);
    }
}
