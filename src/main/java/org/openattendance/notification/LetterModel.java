package org.openattendance.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a letter template may use: {@code pupil.forename}, {@code pupil.surname}, {@code pupil.fullName},
 * {@code pupil.yearGroup}, {@code school.name}, {@code parent.name}, {@code today} and {@code fields.<name>}.
 * Plain maps, so templates reach values and nothing else.
 *
 * @param parentName  every parent the letter is addressed to, e.g. "Sam Smith and Jo Smith"
 * @param addressees  for the printed letter's address block
 */
record LetterModel(String forename, String surname, int yearGroup, String schoolName, String parentName,
                   LocalDate today, Map<String, String> fields, List<Addressee> addressees) {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    record Addressee(String name, List<String> lines) {
        Map<String, Object> asMap() {
            return Map.of("name", name, "lines", lines);
        }
    }

    /** A model for checking an edited template: every field the template names has a placeholder value. */
    static LetterModel sample(LocalDate today) {
        return new LetterModel("Alex", "Example", 4, "Example Primary School", "Sam Example", today,
                new AnyField(), List.of(new Addressee("Sam Example", List.of("1 High Street", "Northtown"))));
    }

    Map<String, Object> variables() {
        var variables = new HashMap<String, Object>();
        variables.put("pupil", Map.of("forename", forename, "surname", surname,
                "fullName", forename + " " + surname, "yearGroup", yearGroup));
        variables.put("school", Map.of("name", schoolName));
        variables.put("parent", Map.of("name", parentName));
        variables.put("today", LONG_DATE.format(today));
        variables.put("fields", fields instanceof AnyField ? fields : withBritishDates(fields));
        variables.put("addressees", addressees.stream().map(Addressee::asMap).toList());
        return variables;
    }

    /**
     * Forms record dates as ISO dates (2026-11-23); a letter prints them the British way (23 November 2026). Any
     * field whose whole value is an ISO date is printed so, in every template.
     */
    static Map<String, String> withBritishDates(Map<String, String> fields) {
        var printed = new java.util.LinkedHashMap<String, String>();
        fields.forEach((name, value) -> printed.put(name, britishDate(value)));
        return printed;
    }

    static String britishDate(String value) {
        if (value == null || !ISO_DATE.matcher(value.strip()).matches()) {
            return value;
        }
        try {
            return LONG_DATE.format(LocalDate.parse(value.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return value;
        }
    }

    /** Answers any field name with "[name]", so a template can be tried before any case sends real values. */
    private static final class AnyField extends AbstractMap<String, String> {
        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public String get(Object key) {
            return "[" + key + "]";
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return Set.of();
        }
    }
}
