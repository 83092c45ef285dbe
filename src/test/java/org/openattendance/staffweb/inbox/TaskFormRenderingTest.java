package org.openattendance.staffweb.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every form in forms/ through the task page's renderer (TaskForm and templates/inbox/task-form.html with the GOV.UK
 * fragments): each field has its own label or legend as the form gives it, date fields are GOV.UK date inputs read
 * back as ISO dates with GOV.UK's messages, and text components are Markdown rendered without raw HTML.
 */
class TaskFormRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpringTemplateEngine TEMPLATES = templates();

    static Stream<Path> forms() throws IOException {
        try (var files = Files.list(Path.of("forms"))) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
            assertThat(found).hasSizeGreaterThan(20);
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyFieldIsRenderedWithItsLabelAndEveryInputIsLabelled(Path file) throws IOException {
        byte[] json = Files.readAllBytes(file);
        var form = new TaskForm(json);
        Document page = render(form.fields(Map.of(), Map.of()));

        for (JsonNode c : JSON.readTree(json).path("components")) {
            String type = c.path("type").asText();
            if ("text".equals(type)) {
                String markdown = c.path("text").asText();
                assertThat(page.select(".app-form-text").text()).as("the text of %s", c.path("id").asText())
                        .contains(plain(markdown).substring(0, Math.min(20, plain(markdown).length())));
                continue;
            }
            String key = c.path("key").asText();
            String label = c.has("label") ? c.path("label").asText() : c.path("dateLabel").asText();
            assertThat(label).as("%s in %s has a label", key, file).isNotBlank().isNotEqualTo(key);
            Element group = page.getElementById("field-" + key);
            assertThat(group).as("%s is rendered", key).isNotNull();
            switch (type) {
                case "radio", "checklist", "datetime" -> assertThat(legendOf(page, key)).as(key).startsWith(label);
                default -> assertThat(page.select("label[for=field-" + key + "]").text()).as(key).startsWith(label);
            }
            if ("datetime".equals(type)) {
                assertThat(group.hasClass("govuk-date-input")).as(key).isTrue();
                for (String part : List.of("day", "month", "year")) {
                    Element input = page.getElementById("field-" + key + "-" + part);
                    assertThat(input).as(key + " " + part).isNotNull();
                    assertThat(input.attr("name")).isEqualTo(key + "-" + part);
                    assertThat(input.attr("inputmode")).isEqualTo("numeric");
                }
            }
        }
        // Every input a person fills in has a label that names it.
        for (Element input : page.select("input, select, textarea")) {
            assertThat(page.select("label[for=" + input.id() + "]")).as("the label of %s in %s", input.id(), file)
                    .hasSize(1);
        }
        assertThat(page.text()).as("no Markdown left unrendered").doesNotContain("**");
        assertThat(page.select("script")).isEmpty();
        // Each field once: a label's for= and the error summary's links need ids that are unique on the page.
        assertThat(page.select("[id]").eachAttr("id")).as("ids in %s", file).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void aFilledInFormIsReadBackWithIsoDatesAndNoProblems(Path file) throws IOException {
        byte[] json = Files.readAllBytes(file);
        var form = new TaskForm(json);
        var posted = new LinkedHashMap<String, List<String>>();
        var dates = new ArrayList<String>();
        for (JsonNode c : JSON.readTree(json).path("components")) {
            String key = c.path("key").asText(null);
            if (key == null) {
                continue;
            }
            switch (c.path("type").asText()) {
                case "radio", "select" -> posted.put(key, List.of(c.path("values").get(0).path("value").asText()));
                case "checklist" -> posted.put(key, List.of(c.path("values").get(0).path("value").asText()));
                case "checkbox" -> posted.put(key, List.of("true"));
                case "number" -> posted.put(key, List.of("3"));
                case "datetime" -> {
                    posted.put(key + "-day", List.of("7"));
                    posted.put(key + "-month", List.of("1"));
                    posted.put(key + "-year", List.of("2027"));
                    dates.add(key);
                }
                default -> posted.put(key, List.of("Spoke to the mother"));
            }
        }
        var submission = form.submission(posted);
        assertThat(submission.problems()).isEmpty();
        for (String key : dates) {
            assertThat(submission.values()).containsEntry(key, "2027-01-07");
        }
        // What was typed is shown again in the boxes.
        Document page = render(form.fields(posted, Map.of()));
        for (String key : dates) {
            assertThat(page.getElementById("field-" + key + "-day").val()).isEqualTo("7");
            assertThat(page.getElementById("field-" + key + "-year").val()).isEqualTo("2027");
        }
    }

    @Test
    void aDateThatIsNotRealOrNotWholeGetsGovUkMessagesAndItsBoxesMarked() throws IOException {
        var form = new TaskForm(Files.readAllBytes(Path.of("forms/attendance-meeting.form")));
        String key = form.fields(Map.of(), Map.of()).stream().filter(f -> f.type().equals("datetime")).findFirst()
                .orElseThrow().key();
        String label = form.labelOf(key);
        assertThat(label).isEqualTo("Date of the meeting");

        var notReal = form.submission(Map.of(key + "-day", List.of("31"), key + "-month", List.of("2"),
                key + "-year", List.of("2027")));
        assertThat(notReal.problems()).containsEntry(key, "Date of the meeting must be a real date");
        assertThat(notReal.values()).doesNotContainKey(key);

        var noMonth = Map.of(key + "-day", List.of("7"), key + "-month", List.of(" "), key + "-year", List.of("2027"));
        assertThat(form.submission(noMonth).problems()).containsEntry(key, "Date of the meeting must include a month");
        Document page = render(form.fields(noMonth, form.submission(noMonth).problems()));
        assertThat(page.getElementById("field-" + key + "-month").hasClass("govuk-input--error")).isTrue();
        assertThat(page.getElementById("field-" + key + "-day").hasClass("govuk-input--error")).isFalse();
        assertThat(page.getElementById("field-" + key + "-error").text())
                .isEqualTo("Error: Date of the meeting must include a month");

        var shortYear = form.submission(Map.of(key + "-day", List.of("7"), key + "-month", List.of("1"),
                key + "-year", List.of("27")));
        assertThat(shortYear.problems()).containsEntry(key, "Year must include 4 numbers");
    }

    @Test
    void textComponentsRenderTheirMarkdownAndEscapeHtml() {
        assertThat(FormText.html("**What the school tried** (first-day contact)\n\n- one\n- two"))
                .isEqualTo("<p class=\"govuk-body\"><strong>What the school tried</strong> (first-day contact)</p>\n"
                        + "<ul class=\"govuk-list govuk-list--bullet\">\n<li>one</li>\n<li>two</li>\n</ul>");
        assertThat(FormText.html("<script>alert(1)</script> and <b>bold</b>"))
                .doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;");
        assertThat(FormText.html("[click](javascript:alert(1))")).doesNotContain("javascript:");
        assertThat(FormText.html("See [the guidance](https://www.gov.uk/)"))
                .contains("href=\"https://www.gov.uk/\" class=\"govuk-link\">the guidance</a>");
    }

    private static String legendOf(Document page, String key) {
        Element group = page.getElementById("field-" + key);
        Element fieldset = group.closest("fieldset");
        assertThat(fieldset).as("%s is in a fieldset", key).isNotNull();
        return fieldset.selectFirst("legend").text();
    }

    /** The words of a bit of Markdown, as a page shows them. */
    private static String plain(String markdown) {
        return Jsoup.parse(FormText.html(markdown)).text();
    }

    private static Document render(List<TaskForm.Field> fields) {
        var context = new Context();
        context.setVariable("fields", fields);
        return Jsoup.parse(TEMPLATES.process("inbox/task-form", Set.of("fields"), context));
    }

    private static SpringTemplateEngine templates() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
