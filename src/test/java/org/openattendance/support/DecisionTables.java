package org.openattendance.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The DMN tables of processes/ on Camunda's standalone DMN engine, read straight from the files an LA officer edits:
 * no Spring, no database, no process engine, so a table's rows are checked in milliseconds (as
 * camunda-bpm-examples' DishDecisionTest does). The engine is the one the process engine embeds, with its defaults.
 */
public final class DecisionTables {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private DecisionTables() {
    }

    /** The decision {@code key} of processes/{@code key}.dmn. */
    public static DmnDecision decision(String key) {
        return decision(key + ".dmn", key);
    }

    /** The decision {@code key} of processes/{@code file}. */
    public static DmnDecision decision(String file, String key) {
        try (InputStream in = Files.newInputStream(Path.of("processes", file))) {
            return ENGINE.parseDecision(key, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DmnDecisionTableResult evaluate(DmnDecision decision, Map<String, Object> variables) {
        return ENGINE.evaluateDecisionTable(decision, variables);
    }
}
