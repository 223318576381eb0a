package dev.drydock.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hexagon's dependency rule: core (model, ports, errors, workflow) knows nothing of AWS, Docker, Guice, XGBoost,
 * Guava or Resilience4j, so that adapters can be swapped by configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DependencyRuleTest {
    private JavaClasses core;

    @BeforeAll
    void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.drydock.core");
    }

    @Test
    void importer_whenRun_findsTheCoreClasses() {
        // Guards against a rule that passes vacuously because nothing was imported.
        assertThat(core.size()).isGreaterThan(20);
        assertThat(core.containPackage("dev.drydock.core.port")).isTrue();
        assertThat(core.containPackage("dev.drydock.core.model")).isTrue();
    }

    @Test
    void core_whenChecked_dependsOnNoVendorLibrary() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.drydock.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..",
                        "com.github.dockerjava..",
                        "com.google.inject..",
                        "ml.dmlc..",
                        "com.google.common..",
                        "io.github.resilience4j..")
                .allowEmptyShould(false)
                .because("core must stay JDK and SLF4J only; vendor code belongs in the adapters");

        rule.check(core);
    }

    @Test
    void core_whenChecked_usesOnlyJdkSlf4jTheContractTheArchiveAndItself() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.drydock.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..", "org.slf4j..",
                        "dev.drydock.contract..", "dev.drydock.archive..", "dev.drydock.core..")
                .allowEmptyShould(false)
                .because("core may use only the JDK, SLF4J and the JDK-only contract and archive modules");

        rule.check(core);
    }
}
