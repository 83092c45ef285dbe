package org.openattendance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map is a checked fact: every module declares the modules it may use in its package-info
 * ({@code allowedDependencies}), and {@link ApplicationModules#verify()} fails on a cycle, on a reach into another
 * module's internals, and on a dependency a module has not declared (see {@code UndeclaredDependencyTest}).
 */
class ModuleStructureTest {

    /**
     * Where the module map is written: target/modulith-docs on every build, docs/modules (committed, linked from
     * docs/architecture.md) when asked for with {@code -Dmodulith.docs=docs/modules} after a clean compile (the
     * canvases quote each class's Javadoc, which Spring Modulith collects while compiling):
     * {@code mvn -B -ntp clean test -Dtest=ModuleStructureTest -Dmodulith.docs=docs/modules}.
     */
    static final String MODULE_DOCS = System.getProperty("modulith.docs", "target/modulith-docs");

    static final ApplicationModules MODULES = ApplicationModules.of(OpenAttendanceApplication.class);

    @Test
    void modulesUseOnlyTheModulesTheyDeclare() {
        MODULES.verify();
    }

    /**
     * Writes the module diagrams (PlantUML: all modules, and each with its neighbours) and the module canvases
     * (AsciiDoc: each module's services, the beans it uses from others, the events it publishes and listens to, its
     * settings).
     */
    @Test
    void writesTheModuleMap() throws IOException {
        readableJavadoc();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(MODULE_DOCS))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> diagrams = Files.list(Path.of(MODULE_DOCS))) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                sortRelations(diagram);
            }
        }
    }

    /**
     * Spring Modulith reads the Javadoc it collected while compiling with Spring Boot's basic JSON parser, which loses
     * its place at a comma between quotation marks inside a comment ({@code "Year 7, FSM", or ""}); such a comment
     * stops every canvas being written. The canvases show those quotation marks as single ones.
     */
    private static void readableJavadoc() throws IOException {
        Path javadoc = Path.of("target/generated-spring-modulith/javadoc.json");
        if (Files.exists(javadoc)) {
            String json = Files.readString(javadoc);
            String readable = json.replace("\\\"", "'");
            if (!readable.equals(json)) {
                Files.writeString(javadoc, readable);
            }
        }
    }

    /** The Documenter lists the arrows in no fixed order; sorted, a diagram changes only when the map does. */
    private static void sortRelations(Path diagram) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
        int first = -1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean relation = i < lines.size() && lines.get(i).startsWith("Rel(");
            if (relation && first < 0) {
                first = i;
            } else if (!relation && first >= 0) {
                lines.subList(first, i).sort(null);
                first = -1;
            }
        }
        Files.write(diagram, lines);
    }
}
