package org.openattendance.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Letters print dates the British way, whatever the form recorded. */
class LetterDatesTest {

    private final LetterRenderer renderer = new LetterRenderer(new PrintedDocuments());

    @Test
    void isoDateFieldsPrintAsDayMonthYearAndOtherValuesStayAsTheyAre() {
        var printed = LetterModel.withBritishDates(Map.of("meetingDate", "2026-11-23", "meetingTime", "09:30",
                "contactPhone", "0161 496 0000", "notADate", "2026-13-45"));

        assertThat(printed).containsEntry("meetingDate", "23 November 2026").containsEntry("meetingTime", "09:30")
                .containsEntry("contactPhone", "0161 496 0000").containsEntry("notADate", "2026-13-45");
    }

    @Test
    void aDateFieldPrintsTheBritishWayInTheRenderedLetter() {
        var template = new LetterTemplate("support-plan", null, "Plan for [[${pupil.forename}]]",
                "<p>Review on [[${fields.reviewDate}]], written [[${today}]].</p>", null, null);
        var model = new LetterModel("Alex", "Example", 4, "Example School", "Sam Example", LocalDate.of(2026, 11, 2),
                Map.of("reviewDate", "2026-11-23"), List.of());

        var letter = renderer.render(template, model);

        assertThat(letter.html()).contains("Review on 23 November 2026, written 2 November 2026.")
                .doesNotContain("2026-11-23");
    }

    @Test
    void everyShippedTemplatePrintsItsDateFieldsTheBritishWay() {
        var templates = new LetterTemplates(null);
        for (String key : LetterTemplates.KEYS) {
            var template = templates.defaultTemplate(key);
            var fields = new java.util.HashMap<String, String>();
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("fields\\.(\\w+)").matcher(template.body());
            while (field.find()) {
                fields.put(field.group(1), "2026-11-23");
            }
            var model = new LetterModel("Alex", "Example", 4, "Example School", "Sam Example", LocalDate.of(2026, 11, 2),
                    fields, List.of());

            var letter = renderer.render(template, model);

            assertThat(letter.html()).as(key).contains("2 November 2026").doesNotContain("2026-11-23");
            if (!fields.isEmpty()) {
                assertThat(letter.html()).as(key).contains("23 November 2026");
            }
        }
    }
}
