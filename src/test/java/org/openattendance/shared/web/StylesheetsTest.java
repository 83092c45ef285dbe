package org.openattendance.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSException;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.htmlunit.cssparser.parser.javacc.CSS3Parser;
import org.junit.jupiter.api.Test;

/**
 * Every stylesheet of ours parses without an error. A browser drops the rest of a sheet after an unclosed rule
 * without a word, which once switched off every colour of the register calendar while every test passed.
 */
class StylesheetsTest {

    static final Path STATIC = Path.of("src/main/resources/static");

    @Test
    void everyStylesheetParsesWithoutAnError() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(STATIC)) {
            sheets = files.filter(f -> f.toString().endsWith(".css") && !f.toString().endsWith(".min.css")).toList();
        }
        assertThat(sheets).isNotEmpty();
        for (Path sheet : sheets) {
            assertThat(problemsIn(Files.readString(sheet))).as(sheet.toString()).isEmpty();
        }
    }

    @Test
    void theCheckFindsAnUnclosedRule() throws IOException {
        assertThat(problemsIn(".a {\n  color: red;\n/* a comment */\n.b {\n  color: blue;\n}\n")).isNotEmpty();
        assertThat(problemsIn(".a {\n  color: red;\n}\n.b {\n  color: blue;\n}\n")).isEmpty();
    }

    static List<String> problemsIn(String css) throws IOException {
        List<String> problems = new ArrayList<>();
        var parser = new CSSOMParser(new CSS3Parser());
        parser.setErrorHandler(new CSSErrorHandler() {
            @Override
            public void warning(CSSParseException e) throws CSSException {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void error(CSSParseException e) throws CSSException {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(CSSParseException e) throws CSSException {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        parser.parseStyleSheet(new InputSource(new StringReader(css)), null);
        return problems;
    }
}
