package dev.planetary.kernel.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LockLintTest {

    private static Plan plan(String sql) {
        return PlanBuilder.summarised("s").statement(sql).build();
    }

    private static LockPreview lock(String mode, String kind, long size, int sessions) {
        return new LockPreview("app.invoice", kind, mode, size, sessions, 1, null);
    }

    @Test
    void a_write_blocking_lock_on_a_busy_or_large_table_is_flagged_with_advice_for_the_statement() {
        List<LintFinding> constraint = LockLint.findings(plan("ALTER TABLE app.invoice ADD CONSTRAINT c CHECK (amount > 0)"),
                List.of(lock("AccessExclusiveLock", "table", 2_254_857_830L, 14)), 100L << 20);
        assertThat(constraint).singleElement().extracting(LintFinding::message).asString()
                .isEqualTo("takes ACCESS EXCLUSIVE on app.invoice (2.1 GB, 14 sessions using it now): add the constraint NOT VALID,"
                        + " then VALIDATE CONSTRAINT in a second change (which takes only SHARE UPDATE EXCLUSIVE)");
        assertThat(LockLint.findings(plan("CREATE POLICY p ON app.invoice USING (true)"),
                List.of(lock("AccessExclusiveLock", "table", 0, 1)), 100L << 20)).singleElement().extracting(LintFinding::message)
                .asString().contains("quiet time", "lock_timeout");
    }

    @Test
    void weak_locks_idle_small_tables_and_other_relations_are_not_flagged() {
        long limit = 100L << 20;
        assertThat(LockLint.findings(plan("x"), List.of(lock("ShareUpdateExclusiveLock", "table", 1L << 40, 9)), limit)).isEmpty();
        assertThat(LockLint.findings(plan("x"), List.of(lock("AccessExclusiveLock", "table", 8192, 0)), limit)).isEmpty();
        assertThat(LockLint.findings(plan("x"), List.of(lock("AccessExclusiveLock", "view", 0, 3)), limit)).isEmpty();
    }

    @Test
    void modes_read_as_the_documentation_spells_them_and_sizes_as_people_do() {
        assertThat(LockPreview.spoken("ShareUpdateExclusiveLock")).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(LockLint.size(340L << 20)).isEqualTo("340 MB");
        assertThat(LockLint.size(1536)).isEqualTo("1.5 kB");
        assertThat(LockLint.size(12)).isEqualTo("12 bytes");
    }
}
