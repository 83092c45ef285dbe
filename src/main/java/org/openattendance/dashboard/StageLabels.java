package org.openattendance.dashboard;

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

    /** The stage's one name ({@link Stage#label()}), as the ladder and the timeline show it. */
    static String of(Stage stage) {
        return stage == null ? "" : stage.label();
    }
}
