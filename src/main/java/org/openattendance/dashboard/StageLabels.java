package org.openattendance.dashboard;

import java.util.Locale;

import org.openattendance.casework.Stage;

/** The stages of a case in the words LA officers use. */
final class StageLabels {

    private StageLabels() {
    }

    /** A line of a case's timeline as lists show it, without enum names or template keys. */
    static String action(String name) {
        if (name == null) {
            return null;
        }
        for (String prefix : new String[] {"Stage: ", "Handed over to the legal stages: "}) {
            if (name.startsWith(prefix)) {
                try {
                    String label = of(Stage.valueOf(name.substring(prefix.length()).trim()));
                    return (prefix.startsWith("Stage") ? "Moved to: " : "Handed over to the legal stages: ") + label;
                } catch (IllegalArgumentException e) {
                    return name;
                }
            }
        }
        if (name.startsWith("Letter requested: ")) {
            return "Letter to the parents (" + name.substring("Letter requested: ".length()).replace('-', ' ') + ")";
        }
        if (name.equals("Priority: TOP")) {
            return "Made top priority (severe absence)";
        }
        return name.startsWith("Completed: ") ? name.substring("Completed: ".length()) + " (done)" : name;
    }

    static String of(Stage stage) {
        if (stage == null) {
            return "";
        }
        return switch (stage) {
            case FIRST_DAY_CONTACT -> "First-day contact";
            case CME_REFERRAL -> "Children missing education referral";
            case TAF -> "Team Around the Family";
            default -> {
                String words = stage.name().replace('_', ' ').toLowerCase(Locale.ROOT);
                yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        };
    }
}
