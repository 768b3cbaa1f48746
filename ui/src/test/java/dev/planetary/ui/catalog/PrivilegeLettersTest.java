package dev.planetary.ui.catalog;

import dev.planetary.kernel.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrivilegeLettersTest {

    private static Catalog.Privilege grant(String privilege, String column, boolean grantable) {
        return new Catalog.Privilege(column == null ? Catalog.PrivilegeObject.TABLE : Catalog.PrivilegeObject.COLUMN,
                1, "app", "invoice", column, "karen", privilege, grantable, "owner");
    }

    @Test
    void letters_follow_psql_order_with_grant_options_and_column_grants() {
        assertThat(PrivilegeLetters.of(List.of(grant("UPDATE", null, false), grant("SELECT", null, true),
                grant("TRUNCATE", null, false), grant("INSERT", "amount", false)))).isEqualTo("r*wD +cols");
    }

    @Test
    void nothing_granted_is_empty() {
        assertThat(PrivilegeLetters.of(List.of())).isEmpty();
    }
}
