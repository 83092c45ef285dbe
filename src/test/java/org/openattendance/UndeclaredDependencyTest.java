package org.openattendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.openattendance.moduleproof.declared.SampleApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Proof that {@link ModuleStructureTest} would catch a module reaching one it has not declared. Two copies of a
 * small sample application (in src/test, package {@code moduleproof}, outside the real modules) differ only in the
 * {@code letters} module's package-info: one declares {@code allowedDependencies = "cases"}, the other declares
 * none. Spring Modulith accepts the first and refuses the second, naming both modules.
 */
class UndeclaredDependencyTest {

    /** The samples live in test classes, which Spring Modulith leaves out by default. */
    private static final ImportOption TEST_CLASSES_TOO = location -> true;

    @Test
    void aModuleThatUsesOnlyWhatItDeclaresPasses() {
        var modules = ApplicationModules.of(SampleApplication.class, TEST_CLASSES_TOO);

        assertThat(modules.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrder("letters", "cases");
        assertThatCode(modules::verify).doesNotThrowAnyException();
    }

    @Test
    void aModuleThatReachesAnUndeclaredModuleFailsVerification() {
        var modules = ApplicationModules.of(org.openattendance.moduleproof.undeclared.SampleApplication.class,
                TEST_CLASSES_TOO);

        assertThatThrownBy(modules::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("letters")
                .hasMessageContaining("cases")
                .hasMessageContaining("LetterOnCaseOpened")
                .hasMessageContaining("Allowed targets: none");
    }
}
