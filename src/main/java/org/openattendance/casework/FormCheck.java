package org.openattendance.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;

/**
 * Checks a task submission against its form (forms/*.form): required fields, types, lengths and the allowed
 * values of select, radio and checklist. The engine does not check submissions; this does, before completing.
 */
final class FormCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields whose values route the process; the rest (free text, checklists) stay in the case's timeline. */
    private static final Set<String> ROUTING_TYPES = Set.of("radio", "select", "checkbox", "number", "datetime");

    record Field(String key, String type, boolean required, Integer maxLength, Set<String> allowed) {
    }

    private final List<Field> fields;

    FormCheck(byte[] formJson) {
        try {
            this.fields = fields(JSON.readTree(formJson).path("components"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("form is not JSON", e);
        }
    }

    private static List<Field> fields(JsonNode components) {
        var found = new ArrayList<Field>();
        for (JsonNode c : components) {
            if (!c.hasNonNull("key")) {
                continue;
            }
            Set<String> allowed = null;
            if (c.has("values")) {
                allowed = new HashSet<>();
                for (JsonNode v : c.path("values")) {
                    allowed.add(v.path("value").asText());
                }
            }
            JsonNode validate = c.path("validate");
            found.add(new Field(c.path("key").asText(), c.path("type").asText(), validate.path("required").asBoolean(false),
                    validate.has("maxLength") ? validate.path("maxLength").asInt() : null, allowed));
        }
        return found;
    }

    /** Answers the submission's values checked, or throws with every problem found. */
    Map<String, Object> check(Map<String, Object> submission) {
        var problems = new ArrayList<Problem>();
        var known = new HashSet<String>();
        for (Field f : fields) {
            known.add(f.key());
            Object value = submission.get(f.key());
            boolean empty = value == null || (value instanceof String s && s.isBlank())
                    || (value instanceof List<?> l && l.isEmpty());
            if (empty) {
                if (f.required()) {
                    problems.add(new Problem(f.key(), "is required"));
                }
                continue;
            }
            String problem = switch (f.type()) {
                case "textfield", "textarea" -> !(value instanceof String s) ? "must be text"
                        : f.maxLength() != null && s.length() > f.maxLength() ? "must be at most " + f.maxLength() + " characters" : null;
                case "number" -> value instanceof Number ? null : "must be a number";
                case "checkbox" -> value instanceof Boolean ? null : "must be true or false";
                case "datetime" -> value instanceof String s && isDate(s) ? null : "must be a date (YYYY-MM-DD) or a date and time";
                case "radio", "select" -> value instanceof String s && f.allowed().contains(s) ? null
                        : "must be one of " + f.allowed().stream().sorted().toList();
                case "checklist" -> value instanceof List<?> l && l.stream().allMatch(f.allowed()::contains) ? null
                        : "must be a list of values from " + f.allowed().stream().sorted().toList();
                default -> null;
            };
            if (problem != null) {
                problems.add(new Problem(f.key(), problem));
            }
        }
        submission.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problems.add(new Problem(k, "is not a field of this form")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The form has " + problems.size() + " problem(s)", problems);
        }
        return submission;
    }

    /** The values the process routes on; only these become process variables. */
    Map<String, Object> routingValues(Map<String, Object> checked) {
        var values = new LinkedHashMap<String, Object>();
        for (Field f : fields) {
            if (ROUTING_TYPES.contains(f.type()) && checked.get(f.key()) != null) {
                values.put(f.key(), checked.get(f.key()));
            }
        }
        return values;
    }

    static String toJson(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                OffsetDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }
}
