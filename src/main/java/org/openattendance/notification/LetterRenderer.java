package org.openattendance.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Renders a letter: the template into HTML (for the e-mail and the case) and into a printable PDF. Its own
 * Thymeleaf engine, apart from the web pages' one, reads templates from strings.
 */
@Component
class LetterRenderer {

    /** Letters never need method calls, bean references or preprocessing; templates an LA edits must not use them. */
    private static final Pattern EXPRESSION = Pattern.compile("[$*#@~]\\{([^}]*)}");
    /** Scripts, forms, images and styles never reach a parent or a staff browser, whatever a template says. */
    private static final Safelist LETTER_HTML = Safelist.relaxed().removeTags("img");

    record RenderedLetter(String subject, String html, byte[] pdf) {
    }

    private final PrintedDocuments printer;
    private final TemplateEngine engine = engine();
    private final String emailLayout = layout("email");
    private final String printLayout = layout("print");

    LetterRenderer(PrintedDocuments printer) {
        this.printer = printer;
    }

    RenderedLetter render(LetterTemplate template, LetterModel model) {
        checkExpressions(template);
        var context = new Context(Locale.UK, model.variables());
        String subject = process(template.key(), template.subject(), TemplateMode.TEXT, context).strip();
        String body = Jsoup.clean(process(template.key(), template.body(), TemplateMode.HTML, context), LETTER_HTML);
        context.setVariable("subject", subject);
        context.setVariable("body", body);
        String html = engine.process(emailLayout, context);
        byte[] pdf = printer.pdf(engine.process(printLayout, context));
        return new RenderedLetter(subject, html, pdf);
    }

    /** The subject and the body as the letter will read, without its layout or PDF: for a page to show. */
    RenderedLetter preview(LetterTemplate template, LetterModel model) {
        checkExpressions(template);
        var context = new Context(Locale.UK, model.variables());
        String subject = process(template.key(), template.subject(), TemplateMode.TEXT, context).strip();
        String body = Jsoup.clean(process(template.key(), template.body(), TemplateMode.HTML, context), LETTER_HTML);
        return new RenderedLetter(subject, body, null);
    }

    private String process(String key, String text, TemplateMode mode, Context context) {
        try {
            return engine.process(new TemplateSpec(text, mode), context);
        } catch (TemplateProcessingException e) {
            // A string template's name is its whole text: name the letter instead.
            String message = e.getTemplateName() == null ? e.getMessage() : e.getMessage().replace(e.getTemplateName(), key);
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            throw new InvalidTemplateException(cause == e ? message : message + ": " + cause.getMessage(), e);
        }
    }

    private static void checkExpressions(LetterTemplate template) {
        for (String text : new String[] {template.subject(), template.body()}) {
            if (text.contains("__")) {
                throw new InvalidTemplateException("Template " + template.key() + " uses preprocessing (__...__), which letters do not allow");
            }
            Matcher matcher = EXPRESSION.matcher(text);
            while (matcher.find()) {
                String expression = matcher.group();
                if (!expression.startsWith("$") && !expression.startsWith("*")
                        || expression.contains("(") || expression.contains("@")) {
                    throw new InvalidTemplateException("Template " + template.key() + ": expression " + expression
                            + " is not allowed; use values such as ${pupil.forename} or ${fields.meetingDate}");
                }
            }
        }
    }

    private static TemplateEngine engine() {
        var resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCacheable(false);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static String layout(String name) {
        try {
            return new ClassPathResource("letters/layout/" + name + ".html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template that cannot be rendered; the message says where and why. */
    static class InvalidTemplateException extends RuntimeException {
        InvalidTemplateException(String message) {
            super(message);
        }

        InvalidTemplateException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
