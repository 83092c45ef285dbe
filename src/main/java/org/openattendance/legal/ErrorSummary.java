package org.openattendance.legal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A page's problems for the shared GOV.UK error summary (forms.html {@code errorSummary}: link target to sentence, in
 * the page's order). Two problems about the same field (or about no field) are both said: their sentences are joined,
 * never one dropped.
 */
final class ErrorSummary {

    private ErrorSummary() {
    }

    static <P> Map<String, String> of(List<P> problems, Function<P, String> field, Function<P, String> text) {
        var summary = new LinkedHashMap<String, String>();
        for (P problem : problems) {
            summary.merge(field.apply(problem) == null ? "" : field.apply(problem), text.apply(problem),
                    (said, more) -> said.equals(more) ? said : said + " " + more);
        }
        return summary;
    }
}
