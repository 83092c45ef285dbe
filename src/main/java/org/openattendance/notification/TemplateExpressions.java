package org.openattendance.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openattendance.shared.InvalidInputException.Problem;

/**
 * Finds the expressions in an edited letter template that would not resolve when a real letter is sent: a name
 * that is not one of the letter's values ({@code ${pupl.forename}}), or a field the case does not supply for this
 * letter ({@code ${fields.meetingDat}}). The preview alone cannot show these: it fills every field with sample text.
 */
final class TemplateExpressions {

    /** The values every letter has (LetterModel). */
    static final Set<String> ROOTS = Set.of("pupil", "school", "parent", "today", "fields", "addressees");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern ROOT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern FIELD = Pattern.compile("\\bfields\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*'([^']*)'\\s*])");
    /** Names a template declares itself: th:each="a : ${addressees}", th:with="n=${...}". */
    private static final Pattern DECLARED = Pattern.compile(
            "th:each\\s*=\\s*\"\\s*([A-Za-z_]\\w*)(?:\\s*,\\s*([A-Za-z_]\\w*))?\\s*:|th:with\\s*=\\s*\"([^\"]*)\"");

    private TemplateExpressions() {
    }

    /** The fields a template uses ({@code fields.x}), in order of name. */
    static Set<String> fieldsUsed(String... texts) {
        var used = new TreeSet<String>();
        for (String text : texts) {
            Matcher matcher = FIELD.matcher(text == null ? "" : text);
            while (matcher.find()) {
                used.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        return used;
    }

    /**
     * @param suppliedFields the fields the case supplies for this letter (those its shipped version uses)
     * @return a problem on "body" or "subject" for each expression that would not resolve
     */
    static List<Problem> unresolved(String subject, String body, Set<String> suppliedFields) {
        var problems = new ArrayList<Problem>();
        var declared = declaredNames(body);
        check("subject", subject, declared, suppliedFields, problems);
        check("body", body, declared, suppliedFields, problems);
        return problems;
    }

    private static void check(String where, String text, Set<String> declared, Set<String> supplied, List<Problem> problems) {
        Matcher matcher = EXPRESSION.matcher(text == null ? "" : text);
        var reported = new TreeSet<String>();
        while (matcher.find()) {
            String expression = matcher.group(1);
            Matcher root = ROOT.matcher(expression);
            if (root.find()) {
                String name = root.group(1);
                if (!ROOTS.contains(name) && !declared.contains(name) && reported.add(name)) {
                    problems.add(new Problem(where, "${" + expression.strip() + "} does not resolve: a letter has no value '"
                            + name + "'; use pupil, school, parent, today, fields or addressees"));
                }
            }
            for (String field : fieldsUsed("${" + expression + "}")) {
                if (!supplied.contains(field) && reported.add("fields." + field)) {
                    problems.add(new Problem(where, "${" + expression.strip() + "} does not resolve: this letter has no field '"
                            + field + "'" + (supplied.isEmpty() ? "" : "; its fields are " + String.join(", ", supplied))));
                }
            }
        }
    }

    private static Set<String> declaredNames(String body) {
        var names = new TreeSet<String>();
        Matcher matcher = DECLARED.matcher(body == null ? "" : body);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                names.add(matcher.group(1));
                if (matcher.group(2) != null) {
                    names.add(matcher.group(2));
                }
            } else {
                for (String assignment : matcher.group(3).split(",")) {
                    String name = assignment.split("=")[0].strip();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
