package org.openattendance.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openattendance.casework.CaseStore.CaseEvent;
import org.openattendance.shared.BritishDates;
import org.springframework.stereotype.Component;

/**
 * A case's timeline in plain English for staff (the pages) and for readers outside the system (the legal module's
 * evidence pack): stages by their names, completed forms as their questions and
 * answers, British dates, and none of the engine's words (step ids, variable names, policy look-ups). The events as
 * recorded stay for administrators (the technical timeline).
 */
@Component
public class CaseTimelineText {

    /** One entry as the timeline fragment shows it; {@code answers} are a completed form's questions and answers. */
    public record Entry(String when, String name, String detail, String actor, List<FormAnswers.Answer> answers) {
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern LEAVE_REQUEST_ID = Pattern.compile("\\s*\\(leave request [0-9a-f-]{36}\\)");
    private static final Pattern STAGE_CONSTANT = Pattern.compile("\\b[A-Z]+(?:_[A-Z]+)+\\b");

    private final FormAnswers forms;
    private final Clock clock;

    public CaseTimelineText(FormAnswers forms, Clock clock) {
        this.forms = forms;
        this.clock = clock;
    }

    /** Newest first, as the pages show it; policy look-ups (the days a step is given) are left to the technical view. */
    public List<Entry> of(List<CaseEvent> events) {
        return events.stream()
                .filter(e -> !(e.kind() == CaseEventKind.DECISION && e.name() != null && e.name().startsWith("Policy: ")))
                .sorted(Comparator.comparing(CaseEvent::at).thenComparing(CaseEvent::id).reversed())
                .map(this::entry)
                .toList();
    }

    /** Oldest first, as a printed record reads; the same entries as {@link #of}. */
    public List<Entry> inOrder(List<CaseEvent> events) {
        var entries = new java.util.ArrayList<>(of(events));
        java.util.Collections.reverse(entries);
        return entries;
    }

    Entry entry(CaseEvent e) {
        String when = BritishDates.WHEN.format(e.at().atZone(clock.getZone()));
        String name = e.name() == null ? "" : e.name();
        String detail = e.detail();
        List<FormAnswers.Answer> answers = List.of();
        if (name.startsWith("Stage: ")) {
            name = "Moved to the stage: " + stageName(name.substring("Stage: ".length()));
            detail = null;
        } else if (name.startsWith("Handed over to the legal stages: ")) {
            name = "Handed over to the legal stages: " + stageName(name.substring("Handed over to the legal stages: ".length()));
        } else if (name.startsWith("Priority: ")) {
            name = "Priority: " + sentence(name.substring("Priority: ".length()).trim());
        } else if (name.startsWith("Task: ")) {
            name = "New task: " + name.substring("Task: ".length());
            detail = detail == null ? null : capitalise(detail);
        } else if (name.startsWith("Completed: ")) {
            answers = forms.answers(name.substring("Completed: ".length()), detail);
            detail = null;
        } else if (name.startsWith("Letter requested: ")) {
            name = "Letter requested: " + sentence(name.substring("Letter requested: ".length()).replace('-', '_'));
            detail = null; // the step key and the letter's fields are the engine's
        } else if (e.kind() == CaseEventKind.DECISION) {
            name = "Decided by the local authority's policy: " + name;
            detail = null;
        }
        return new Entry(when, name, plain(detail), e.actor(), answers);
    }

    /** Dates in words, no request ids, no constant names. */
    static String plain(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = LEAVE_REQUEST_ID.matcher(text).replaceAll("");
        Matcher dates = ISO_DATE.matcher(plain);
        var out = new StringBuilder();
        while (dates.find()) {
            String replacement;
            try {
                replacement = BritishDates.day(LocalDate.parse(dates.group(1)));
            } catch (RuntimeException ex) {
                replacement = dates.group(1);
            }
            dates.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        dates.appendTail(out);
        Matcher constants = STAGE_CONSTANT.matcher(out.toString());
        var words = new StringBuilder();
        while (constants.find()) {
            constants.appendReplacement(words, Matcher.quoteReplacement(constantWords(constants.group())));
        }
        constants.appendTail(words);
        return words.toString();
    }

    private static String constantWords(String constant) {
        try {
            return Stage.valueOf(constant).labelInSentence();
        } catch (IllegalArgumentException e) {
            return sentence(constant).toLowerCase(Locale.UK);
        }
    }

    private static String stageName(String constant) {
        try {
            return Stage.valueOf(constant.trim()).label();
        } catch (IllegalArgumentException e) {
            return sentence(constant.trim());
        }
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String sentence(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
