package dev.rustlens.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The architecture of docs/architecture.md, checked on the compiled classes: packages that depend
 * one way (no cycle between any two, nor between their sub-packages), layers used only from
 * above, and a pure analysis core and command-line scanner.
 */
@Tag("fast")
class ArchitectureTest {

    /** What runs only inside the server: Quarkus, its web and persistence stacks, the database, git. */
    private static final String[] SERVER_PACKAGES = {"io.quarkus..", "io.vertx..", "java.sql..", "javax.sql..",
        "org.hibernate..", "jakarta.persistence..", "jakarta.transaction..", "jakarta.ws.rs..", "jakarta.enterprise..",
        "jakarta.inject..", "org.postgresql..", "org.eclipse.jgit.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rustlens");
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("dev.rustlens.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noCyclesBetweenAnyPackages() {
        slices().matching("dev.rustlens.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void layersAreUsedOnlyFromAbove() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Foundation").definedBy("dev.rustlens.config..", "dev.rustlens.database..",
                        "dev.rustlens.text..", "dev.rustlens.outbound..", "dev.rustlens.http..")
                .layer("Core").definedBy("dev.rustlens.parser..", "dev.rustlens.analysis..", "dev.rustlens.scoring..")
                .layer("Identity").definedBy("dev.rustlens.auth..")
                .layer("Ingest").definedBy("dev.rustlens.gitrepo..")
                .layer("Store").definedBy("dev.rustlens.scan..", "dev.rustlens.finding..", "dev.rustlens.trend..",
                        "dev.rustlens.bench..", "dev.rustlens.coverage..", "dev.rustlens.supply..")
                .layer("Gate").definedBy("dev.rustlens.gate..")
                .layer("Notify").definedBy("dev.rustlens.notify..")
                .layer("Web").definedBy("dev.rustlens.web..", "dev.rustlens.api..")
                .layer("Cli").definedBy("dev.rustlens.cli..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Web").mayNotBeAccessedByAnyLayer()
                .whereLayer("Notify").mayOnlyBeAccessedByLayers("Web")
                .whereLayer("Gate").mayOnlyBeAccessedByLayers("Notify", "Web", "Cli")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Gate", "Notify", "Web", "Cli")
                .whereLayer("Ingest").mayOnlyBeAccessedByLayers("Store", "Gate", "Notify", "Web")
                .whereLayer("Identity").mayOnlyBeAccessedByLayers("Web")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Ingest", "Store", "Gate", "Notify", "Web", "Cli")
                .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Identity", "Ingest", "Store", "Gate", "Notify",
                        "Web", "Cli")
                .check(classes);
    }

    @Test
    void theCommandLineScannerKnowsNoServer() {
        noClasses().that().resideInAPackage("dev.rustlens.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVER_PACKAGES)
                .check(classes);
    }

    @Test
    void theAnalysisCoreKnowsNoServer() {
        noClasses().that().resideInAnyPackage("dev.rustlens.parser..", "dev.rustlens.analysis..", "dev.rustlens.scoring..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVER_PACKAGES)
                .check(classes);
    }
}
