package org.openattendance.casework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.openattendance.shared.BritishDates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * A completed task's answers as its form labels them ("Did you reach a parent or carer?": "Yes, a reason was
 * given"), for the case timeline staff read. The task is found by its name in the models (processes/*.bpmn), its form
 * by the task's form reference (forms/*.form), both as deployed from the classpath.
 */
@Component
public class FormAnswers {

    /** One question and its answer, in words. */
    public record Answer(String question, String answer) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile Map<String, JsonNode> formsByTaskName;

    /** The id of the form of the task with this name ("consider-notice"), if the models give it one. */
    public java.util.Optional<String> formIdOf(String taskName) {
        return java.util.Optional.ofNullable(forms().get(taskName)).map(form -> form.path("id").asText());
    }

    /** The answers of a submission (the JSON the form check stored) to the form of the task with this name. */
    public List<Answer> answers(String taskName, String submissionJson) {
        var answers = new ArrayList<Answer>();
        JsonNode form = forms().get(taskName);
        JsonNode submitted;
        try {
            submitted = submissionJson == null ? null : JSON.readTree(submissionJson);
        } catch (IOException e) {
            return answers; // not JSON (an older entry): nothing to show in words
        }
        if (form == null || submitted == null || !submitted.isObject()) {
            return answers;
        }
        for (JsonNode c : form.path("components")) {
            String key = c.path("key").asText(null);
            if (key == null || !submitted.has(key) || submitted.get(key).isNull()) {
                continue;
            }
            String answer = answer(c, submitted.get(key));
            if (answer != null && !answer.isBlank()) {
                answers.add(new Answer(label(c), answer));
            }
        }
        return answers;
    }

    private static String answer(JsonNode component, JsonNode value) {
        switch (component.path("type").asText()) {
            case "checkbox":
                return value.asBoolean() ? "Yes" : "No";
            case "radio", "select":
                return choice(component, value.asText());
            case "checklist": {
                var chosen = new ArrayList<String>();
                value.forEach(v -> chosen.add(choice(component, v.asText())));
                return String.join(", ", chosen);
            }
            case "datetime":
                try {
                    return BritishDates.day(LocalDate.parse(value.asText().length() > 10
                            ? value.asText().substring(0, 10) : value.asText()));
                } catch (DateTimeParseException e) {
                    return value.asText();
                }
            default:
                return value.asText();
        }
    }

    private static String choice(JsonNode component, String value) {
        for (JsonNode v : component.path("values")) {
            if (value.equals(v.path("value").asText())) {
                return v.path("label").asText(value);
            }
        }
        return value;
    }

    private static String label(JsonNode c) {
        for (String name : List.of("label", "dateLabel")) {
            if (!c.path(name).asText("").isBlank()) {
                return c.path(name).asText();
            }
        }
        return c.path("key").asText();
    }

    private Map<String, JsonNode> forms() {
        if (formsByTaskName == null) {
            formsByTaskName = load();
        }
        return formsByTaskName;
    }

    private static Map<String, JsonNode> load() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            var formsById = new HashMap<String, JsonNode>();
            for (Resource r : resolver.getResources("classpath*:forms/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    JsonNode form = JSON.readTree(in);
                    formsById.put(form.path("id").asText(), form);
                }
            }
            var byTaskName = new HashMap<String, JsonNode>();
            for (Resource r : resolver.getResources("classpath*:processes/*.bpmn")) {
                try (InputStream in = r.getInputStream()) {
                    for (UserTask task : Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class)) {
                        JsonNode form = formsById.get(task.getCamundaFormRef());
                        if (task.getName() != null && form != null) {
                            byTaskName.putIfAbsent(task.getName(), form);
                        }
                    }
                }
            }
            return Map.copyOf(byTaskName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
