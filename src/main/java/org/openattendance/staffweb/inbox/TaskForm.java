package org.openattendance.staffweb.inbox;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openattendance.shared.web.DateEntry;

/**
 * A task's Camunda Form (forms/*.form) as the task page renders it with the GOV.UK components of
 * templates/fragments/forms.html, and the posted values turned into the types the casework form check expects.
 * Camunda Forms' date fields ({@code datetime} with {@code subtype: date}, labelled by {@code dateLabel}) become
 * GOV.UK date inputs whose three boxes are read here, with GOV.UK's messages; text components are Markdown. The rest
 * of the checking stays in casework.
 */
final class TaskForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One choice of a select, radio or checklist. */
    record Choice(String value, String label, boolean selected) {
    }

    /**
     * One component; {@code value} is what was entered (as text), {@code date} the boxes of a date field,
     * {@code error} the message to show, {@code html} a text component's Markdown rendered.
     */
    record Field(String key, String type, String label, String description, boolean required, List<Choice> choices,
                 String value, boolean checked, DateEntry date, String error, String html) {

        public String id() {
            return "field-" + key;
        }

        /** The label as the page shows it: "(optional)" after a field that may be left empty. */
        public String labelText() {
            return label + (required || "checkbox".equals(type) ? "" : " (optional)");
        }

        /** The id the error summary links to: the first radio or checkbox of a group, a date's day, else the field. */
        public String anchor() {
            return switch (type) {
                case "radio", "checklist" -> id() + "-0";
                case "datetime" -> id() + "-day";
                default -> id();
            };
        }

        /** A select's options: "Choose" (nothing chosen) first. */
        public List<Choice> selectOptions() {
            var options = new ArrayList<Choice>();
            options.add(new Choice("", "Choose", false));
            options.addAll(choices);
            return options;
        }

        public String describedBy() {
            var ids = new ArrayList<String>();
            if (description != null) {
                ids.add(id() + "-hint");
            }
            if (error != null) {
                ids.add(id() + "-error");
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }
    }

    /** What was posted, as the form check takes it, and the problems found reading it (a date that is not real). */
    record Submission(Map<String, Object> values, Map<String, String> problems) {
    }

    private final List<JsonNode> components = new ArrayList<>();
    private final String id;

    TaskForm(byte[] formJson) {
        try {
            JsonNode form = JSON.readTree(formJson);
            id = form.path("id").asText();
            form.path("components").forEach(components::add);
        } catch (IOException e) {
            throw new IllegalStateException("form is not JSON", e);
        }
    }

    /** The form's id ("la-notice-decision"). */
    String id() {
        return id;
    }

    /** The fields to render, with the entered values and the errors by key. */
    List<Field> fields(Map<String, List<String>> entered, Map<String, String> errors) {
        var fields = new ArrayList<Field>();
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if (!c.hasNonNull("key")) {
                if ("text".equals(type)) {
                    fields.add(new Field(c.path("id").asText(), type, null, null, false, List.of(), null, false, null,
                            null, FormText.html(c.path("text").asText())));
                }
                continue;
            }
            String key = c.path("key").asText();
            List<String> values = entered.getOrDefault(key, List.of());
            var choices = new ArrayList<Choice>();
            for (JsonNode v : c.path("values")) {
                String value = v.path("value").asText();
                choices.add(new Choice(value, v.path("label").asText(value), values.contains(value)));
            }
            DateEntry date = "datetime".equals(type) ? dateEntered(key, entered) : null;
            fields.add(new Field(key, type, label(c), c.hasNonNull("description") ? c.path("description").asText() : null,
                    c.path("validate").path("required").asBoolean(false), choices,
                    values.isEmpty() ? "" : values.get(0), values.contains("true"), date, errors.get(key), null));
        }
        return fields;
    }

    /** The posted values as the form check expects them: numbers, booleans, lists, ISO dates; empty fields left out. */
    Submission submission(Map<String, List<String>> entered) {
        var submission = new LinkedHashMap<String, Object>();
        var problems = new LinkedHashMap<String, String>();
        for (JsonNode c : components) {
            if (!c.hasNonNull("key")) {
                continue;
            }
            String key = c.path("key").asText();
            List<String> values = entered.getOrDefault(key, List.of()).stream().filter(v -> !v.isBlank()).toList();
            switch (c.path("type").asText()) {
                case "checkbox" -> submission.put(key, values.contains("true"));
                case "checklist" -> {
                    if (!values.isEmpty()) {
                        submission.put(key, values);
                    }
                }
                case "number" -> {
                    if (!values.isEmpty()) {
                        String text = values.get(0).trim();
                        try {
                            BigDecimal number = new BigDecimal(text);
                            submission.put(key, number.stripTrailingZeros().scale() <= 0
                                    ? (Object) number.longValueExact() : (Object) number.doubleValue());
                        } catch (NumberFormatException | ArithmeticException e) {
                            submission.put(key, text);
                        }
                    }
                }
                case "datetime" -> {
                    DateEntry date = dateEntered(key, entered);
                    if (date.isValid()) {
                        submission.put(key, date.iso());
                    } else if (!date.isEmpty()) {
                        problems.put(key, date.message(label(c)));
                    }
                }
                default -> {
                    if (!values.isEmpty()) {
                        submission.put(key, "textarea".equals(c.path("type").asText()) ? values.get(0) : values.get(0).trim());
                    }
                }
            }
        }
        return new Submission(submission, problems);
    }

    /** The form's label for a key, for the error messages. */
    String labelOf(String key) {
        for (JsonNode c : components) {
            if (key.equals(c.path("key").asText(null))) {
                return label(c);
            }
        }
        return key;
    }

    String typeOf(String key) {
        for (JsonNode c : components) {
            if (key.equals(c.path("key").asText(null))) {
                return c.path("type").asText();
            }
        }
        return "";
    }

    /** Camunda Forms labels a date field with {@code dateLabel} (and a time field with {@code timeLabel}). */
    private static String label(JsonNode c) {
        for (String name : List.of("label", "dateLabel", "timeLabel")) {
            if (c.hasNonNull(name) && !c.path(name).asText().isBlank()) {
                return c.path(name).asText();
            }
        }
        return c.path("key").asText();
    }

    /** A date field's three boxes (key-day, key-month, key-year); an ISO date posted under the key itself also reads. */
    private static DateEntry dateEntered(String key, Map<String, List<String>> entered) {
        String whole = first(entered, key);
        if (whole != null && !whole.isBlank()) {
            try {
                return DateEntry.of(java.time.LocalDate.parse(whole.strip()));
            } catch (java.time.format.DateTimeParseException e) {
                // not an ISO date: read the boxes
            }
        }
        return DateEntry.of(first(entered, key + "-day"), first(entered, key + "-month"), first(entered, key + "-year"));
    }

    private static String first(Map<String, List<String>> entered, String name) {
        List<String> values = entered.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
