package org.openattendance;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules of ARCHITECTURE.md keep their boundaries: no cycles, no reaching into another module's internals. */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(OpenAttendanceApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml();
    }
}
