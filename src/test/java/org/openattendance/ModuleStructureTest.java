package org.openattendance;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map is a checked fact: every module declares the modules it may use in its package-info
 * ({@code allowedDependencies}), and {@link ApplicationModules#verify()} fails on a cycle, on a reach into another
 * module's internals, and on a dependency a module has not declared (see {@code UndeclaredDependencyTest}).
 */
class ModuleStructureTest {

    /** Where the generated module map lives; docs/architecture.md links it. */
    static final String MODULE_DOCS = "docs/modules";

    static final ApplicationModules MODULES = ApplicationModules.of(OpenAttendanceApplication.class);

    @Test
    void modulesUseOnlyTheModulesTheyDeclare() {
        MODULES.verify();
    }

    /**
     * Writes the module diagrams (PlantUML: all modules, and each with its neighbours) and the module canvases
     * (AsciiDoc: each module's services, events published and listened to, ...) to docs/modules, where they are
     * committed. A build that changes the module map changes these files, so the change shows in review.
     */
    @Test
    void writesTheModuleMapToTheDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(MODULE_DOCS))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
