package dev.planetary.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.planetary.kernel.identity.RequiresRight;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries of ARCHITECTURE.md, checked on the compiled classes of all four modules. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.planetary");
    }

    @Test
    void the_shared_kernel_knows_no_spring_jpa_or_jdbc() {
        noClasses().that().resideInAPackage("dev.planetary.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "java.sql..", "javax.sql..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void the_command_side_never_reaches_into_the_query_side() {
        noClasses().that().resideInAPackage("dev.planetary.command..")
                .should().dependOnClassesThat().resideInAPackage("dev.planetary.query..")
                .check(classes);
    }

    @Test
    void the_query_side_never_reaches_into_the_command_side() {
        noClasses().that().resideInAPackage("dev.planetary.query..")
                .should().dependOnClassesThat().resideInAPackage("dev.planetary.command..")
                .check(classes);
    }

    @Test
    void only_the_executor_the_dry_run_and_the_test_runner_touch_the_elevated_connection() {
        // The test runner needs the DDL login to act as another role; its transaction is always rolled back.
        // Registration opens and closes a registered target's pools, and never runs anything on them.
        // Operations cancel or end a session with it (pg_signal_backend), and record that they did.
        noClasses().that().resideOutsideOfPackages("dev.planetary.command.target..", "dev.planetary.command.change..",
                        "dev.planetary.command.apply..", "dev.planetary.command.testrun..", "dev.planetary.command.registration..",
                        "dev.planetary.command.operations..", "dev.planetary.command")
                .should().dependOnClassesThat().resideInAPackage("dev.planetary.command.target..")
                .check(classes);
    }

    @Test
    void pages_never_run_sql() {
        // Only the persistence set-up (with the API's kept answers), the sign-in and the embedded run mode's start-up touch a database.
        noClasses().that().resideInAPackage("dev.planetary.ui..")
                .and().resideOutsideOfPackages("dev.planetary.ui.persistence..", "dev.planetary.ui.security..",
                        "dev.planetary.ui.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
                        "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void test_support_serves_tests_only() {
        // The run mode's embedded servers live in the embedded module; test-support is a test-scope dependency.
        noClasses().that().resideOutsideOfPackage("dev.planetary.testsupport..")
                .should().dependOnClassesThat().resideInAPackage("dev.planetary.testsupport..")
                .check(classes);
    }

    @Test
    void the_ui_talks_to_kernel_messages_and_gateways_only() {
        // Pages and the API's UI-side controllers send commands and queries through Axon's gateways:
        // no read model, repository, introspector or command-side service. Sign-in (which asks the
        // target who holds which right) and the embedded run mode's start-up are wiring, not pages.
        noClasses().that().resideInAPackage("dev.planetary.ui..")
                .and().resideOutsideOfPackages("dev.planetary.ui.security..", "dev.planetary.ui.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.planetary.command..", "dev.planetary.query..")
                .check(classes);
    }

    @Test
    void every_message_a_person_sends_is_checked_on_the_bus() {
        // Planetary's own messages: the executor's and the dry-run's commands, and what the command
        // side reads back while it works (facts, fingerprints, a change by id, the feed's updates).
        classes().that().resideInAPackage("dev.planetary.kernel..")
                .and().haveSimpleNameEndingWith("Command").or().haveSimpleNameEndingWith("Query")
                .and().areNotEnums().and().doNotHaveSimpleName("RecordDryRunCommand").and().doNotHaveSimpleName("RecordStepCommand")
                .and().doNotHaveSimpleName("BeginApplyCommand").and().doNotHaveSimpleName("ExecuteChangeCommand")
                .and().doNotHaveSimpleName("RecordApplyOutcomeCommand").and().doNotHaveSimpleName("RecordApplyWaitingCommand")
                .and().doNotHaveSimpleName("FindChangeQuery").and().doNotHaveSimpleName("FindChangesAwaitingApplyQuery")
                .and().doNotHaveSimpleName("FindChangesAwaitingDryRunQuery")
                .and().doNotHaveSimpleName("FindWaitingAfterQuery")
                .and().doNotHaveSimpleName("FindTableFactsQuery").and().doNotHaveSimpleName("FindIndexFactsQuery")
                .and().doNotHaveSimpleName("FindStorageFactsQuery").and().doNotHaveSimpleName("FindParameterFactsQuery")
                .and().doNotHaveSimpleName("FindSessionDefaultFactsQuery").and().doNotHaveSimpleName("FindJobFactsQuery")
                .and().doNotHaveSimpleName("FindPublicationFactsQuery").and().doNotHaveSimpleName("FindSlotFactsQuery")
                .and().doNotHaveSimpleName("FindForeignServerFactsQuery")
                .and().doNotHaveSimpleName("FindCommentQuery")
                .and().doNotHaveSimpleName("WatchChangesQuery")
                .and().doNotHaveSimpleName("RecordConnectionTestCommand").and().doNotHaveSimpleName("FindRegisteredTargetsQuery")
                .should().beAnnotatedWith(RequiresRight.class)
                .check(classes);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("dev.planetary.(*).(*)..").should().beFreeOfCycles().check(classes);
    }
}
