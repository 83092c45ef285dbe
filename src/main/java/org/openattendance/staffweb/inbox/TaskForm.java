package org.openattendance.staffweb.inbox;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A task's Camunda Form (forms/*.form) as the task page renders it with GOV.UK components, and the posted
 * values turned into the types the casework form check expects. Checking stays in casework.
 */
final class TaskForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One choice of a select, radio or checklist. */
    record Choice(String value, String label, boolean chosen) {
    }

    /** One component; {@code value} is what was entered (as text), {@code error} the message to show. */
    record Field(String key, String type, String label, String description, boolean required, List<Choice> choices,
                 String value, boolean checked, String error, String text) {

        String id() {
            return "field-" + key;
        }

        /** The id the error summary links to: the first radio or checkbox of a group, else the field itself. */
        public String anchor() {
            return switch (type) {
                case "radio", "checklist" -> id() + "-0";
                default -> id();
            };
        }

        public String describedBy() {
            var ids = new ArrayList<String>();
            if (description != null || "datetime".equals(type)) {
                ids.add(id() + "-hint");
            }
            if (error != null) {
                ids.add(id() + "-error");
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }
    }

    private final List<JsonNode> components = new ArrayList<>();

    TaskForm(byte[] formJson) {
        try {
            JSON.readTree(formJson).path("components").forEach(components::add);
        } catch (IOException e) {
            throw new IllegalStateException("form is not JSON", e);
        }
    }

    /** The fields to render, with the entered values and the errors by key. */
    List<Field> fields(Map<String, List<String>> entered, Map<String, String> errors) {
        var fields = new ArrayList<Field>();
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if (!c.hasNonNull("key")) {
                if ("text".equals(type)) {
                    fields.add(new Field(c.path("id").asText(), type, null, null, false, List.of(), null, false, null,
                            c.path("text").asText()));
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
            fields.add(new Field(key, type, c.path("label").asText(key),
                    c.hasNonNull("description") ? c.path("description").asText() : null,
                    c.path("validate").path("required").asBoolean(false), choices,
                    values.isEmpty() ? "" : values.get(0), values.contains("true"), errors.get(key), null));
        }
        return fields;
    }

    /** The posted values as the form check expects them: numbers, booleans, lists; empty fields left out. */
    Map<String, Object> submission(Map<String, List<String>> entered) {
        var submission = new LinkedHashMap<String, Object>();
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
                default -> {
                    if (!values.isEmpty()) {
                        submission.put(key, "textarea".equals(c.path("type").asText()) ? values.get(0) : values.get(0).trim());
                    }
                }
            }
        }
        return submission;
    }

    /** The form's label for a key, for the error messages. */
    String labelOf(String key) {
        for (JsonNode c : components) {
            if (key.equals(c.path("key").asText(null))) {
                return c.path("label").asText(key);
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
}
