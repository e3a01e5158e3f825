package jp.tabiji.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md's module table, enforced on the production classes of every module at package level: what each module
 * may depend on among Tabiji's own packages. Change the table and this test together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleTableTest {

    private JavaClasses production;

    @BeforeAll
    void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.tabiji");
    }

    /** A row of the table: the module's packages and the Tabiji packages it may use besides its own. */
    record Row(String module, String packages, String... mayUse) {
        ArchRule rule() {
            String[] allowed = Stream.concat(Stream.of(packages), Stream.of(mayUse)).toArray(String[]::new);
            return classes().that().resideInAPackage(packages)
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage("jp.tabiji..")
                            .or(resideInAnyPackage(allowed)))
                    .because("DESIGN.md's module table: " + module + " may depend on " + String.join(", ", mayUse));
        }

        @Override
        public String toString() {
            return module;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                new Row("ingest", "jp.tabiji.ingest.."),
                // the event contract, topic names, the DLQ record and the AP registry
                new Row("streaming", "jp.tabiji.streaming..", "jp.tabiji.ingest.event..", "jp.tabiji.ingest.publish..",
                        "jp.tabiji.ingest.registry.."),
                new Row("analytics", "jp.tabiji.analytics..", "jp.tabiji.ingest.registry.."),
                // HTTP only: it asks the catalogue (never ClickHouse) and renders
                new Row("web", "jp.tabiji.web..", "jp.tabiji.analytics.catalogue..", "jp.tabiji.analytics.hotspots..",
                        "jp.tabiji.analytics.query..", "jp.tabiji.analytics.release..", "jp.tabiji.ingest.registry.."),
                // the launchers depend on nothing of ours (the CLI and the tests start them)
                new Row("infra/stack", "jp.tabiji.stack.."),
                new Row("infra/app", "jp.tabiji.app..", "jp.tabiji.ingest..", "jp.tabiji.streaming..",
                        "jp.tabiji.analytics..", "jp.tabiji.web..", "jp.tabiji.stack.."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyModuleDependsOnlyOnWhatItsRowAllows(Row row) {
        assertThat(production.that(resideInAnyPackage(row.packages()))).as(row.module() + " classes imported")
                .isNotEmpty();
        row.rule().check(production);
    }

    @Test
    void onlyTheCatalogueAndTheHotspotBoardReadClickHouse() {
        noClasses().that().resideOutsideOfPackages("jp.tabiji.analytics..", "jp.tabiji.app..")
                .should().dependOnClassesThat().resideInAPackage("jp.tabiji.analytics.clickhouse..")
                .because("every number a user sees is computed in the catalogue; a second reader is a second home")
                .check(production);
    }

    @Test
    void theRuleRejectsADependencyTheTableDoesNotList() {
        // the web row without the catalogue: the real web classes break it, so the rule has teeth
        Row narrowed = new Row("web", "jp.tabiji.web..", "jp.tabiji.ingest.registry..");
        assertThatThrownBy(() -> narrowed.rule().check(production)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("jp.tabiji.analytics.catalogue");
    }
}
