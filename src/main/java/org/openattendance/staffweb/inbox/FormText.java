package org.openattendance.staffweb.inbox;

import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The Markdown of a Camunda Forms text component as GOV.UK HTML. HTML written in the form is escaped, not passed
 * through, and only http(s) and mailto links are kept, so a form cannot put script or markup on a page.
 */
final class FormText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                String govuk = node instanceof Paragraph ? "govuk-body"
                        : node instanceof BulletList ? "govuk-list govuk-list--bullet"
                        : node instanceof OrderedList ? "govuk-list govuk-list--number"
                        : node instanceof Heading ? "govuk-heading-s"
                        : node instanceof Link ? "govuk-link" : null;
                if (govuk != null) {
                    attributes.put("class", govuk);
                }
            })
            .build();

    private FormText() {
    }

    static String html(String markdown) {
        // An apostrophe written as Thymeleaf writes it in th:text, so the form's words read the same in every component.
        return markdown == null ? "" : RENDERER.render(PARSER.parse(markdown)).strip().replace("'", "&#39;");
    }
}
