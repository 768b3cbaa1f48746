package dev.planetary.kernel.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.kernel.plan.Plan;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every registered kind keeps, so a kind cannot be half-added: it is registered,
 * its example reads as its spec and survives a JSON round trip, it renders, and a golden test
 * renders it with hostile names. (Its dry-run on PostgreSQL and its form are checked in the ui
 * module, where the catalog and the forms are.)
 */
class ChangeKindsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static JavaClasses kernel;
    private static JavaClasses tests;

    @BeforeAll
    static void importClasses() {
        kernel = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.planetary.kernel");
        tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.planetary.kernel.spec");
    }

    static Stream<ChangeKind<?>> kinds() {
        return ChangeKinds.all().stream();
    }

    @Test
    void every_spec_class_is_a_registered_kind() {
        Set<Class<?>> specs = kernel.stream()
                .filter(c -> !c.isInterface() && c.isAssignableTo(ChangeSpec.class))
                .map(JavaClass::reflect).collect(Collectors.toSet());
        assertThat(ChangeKinds.all().stream().<Class<?>>map(ChangeKind::specType).toList())
                .containsExactlyInAnyOrderElementsOf(specs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void its_example_reads_as_its_spec_and_round_trips(ChangeKind<?> kind) throws Exception {
        ChangeSpec example = JSON.readValue(kind.example(), ChangeSpec.class);
        assertThat(example).isInstanceOf(kind.specType());
        assertThat(example.kind()).isEqualTo(kind.name());
        String written = JSON.writerFor(ChangeSpec.class).writeValueAsString(example);
        assertThat(JSON.readValue(written, ChangeSpec.class)).isEqualTo(example);
        assertThat(JSON.readTree(written).get("kind").asText()).isEqualTo(kind.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void its_example_renders_once_its_facts_are_read(ChangeKind<?> kind) throws Exception {
        ChangeSpec example = JSON.readValue(kind.example(), ChangeSpec.class);
        ChangeSpec complete = kind.complete(example, ExampleFacts.INSTANCE);
        Plan plan = complete.plan();
        assertThat(plan.summary()).isNotBlank();
        // Every kind runs something, or (adopting drift) says why nothing runs.
        assertThat(plan.statements().isEmpty() ? plan.findings() : plan.touches()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_golden_test_renders_it_with_hostile_names(ChangeKind<?> kind) {
        Set<String> golden = testsUsing(kind.specType().getName());
        golden.retainAll(testsUsing(Hostile.class.getName()));
        golden.removeAll(Set.of(SpecJsonTest.class.getName(), ChangeKindsTest.class.getName()));
        assertThat(golden).as("a golden test of %s with Hostile names", kind.name()).isNotEmpty();
    }

    @Test
    void names_are_unique_and_every_example_is_a_json_object() throws Exception {
        assertThat(ChangeKinds.names()).doesNotHaveDuplicates();
        for (ChangeKind<?> kind : ChangeKinds.all()) {
            JsonNode example = JSON.readTree(kind.example());
            assertThat(example.isObject()).as(kind.name()).isTrue();
        }
    }

    /** The top-level test classes (nested ones count for their outer class) that refer to {@code className}. */
    private static Set<String> testsUsing(String className) {
        return tests.stream()
                .filter(test -> test.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().getName().equals(className)))
                .map(test -> test.getName().replaceFirst("\\$.*", ""))
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
