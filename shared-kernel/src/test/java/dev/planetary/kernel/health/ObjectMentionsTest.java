package dev.planetary.kernel.health;

import dev.planetary.kernel.sql.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectMentionsTest {

    private static final List<QualifiedName> ORDERS = List.of(QualifiedName.of("shop", "orders"));

    @Test
    void the_object_is_named_bare_qualified_quoted_or_in_another_case() {
        assertThat(ObjectMentions.mentions("SELECT * FROM orders WHERE id = $1", ORDERS)).isTrue();
        assertThat(ObjectMentions.mentions("select * from shop.orders o", ORDERS)).isTrue();
        assertThat(ObjectMentions.mentions("SELECT 1 FROM \"shop\".\"orders\"", ORDERS)).isTrue();
        assertThat(ObjectMentions.mentions("UPDATE SHOP.Orders SET x = $1", ORDERS)).isTrue();
        assertThat(ObjectMentions.mentions("SELECT * FROM a JOIN orders ON true", ORDERS)).isTrue();
    }

    @Test
    void longer_names_other_schemas_and_columns_of_that_name_do_not_count() {
        assertThat(ObjectMentions.mentions("SELECT * FROM orders_archive", ORDERS)).isFalse();
        assertThat(ObjectMentions.mentions("SELECT * FROM old.orders", ORDERS)).isFalse();
        assertThat(ObjectMentions.mentions("SELECT c.orders FROM customer c", ORDERS)).isFalse();
        assertThat(ObjectMentions.mentions("SELECT * FROM \"Orders\"", ORDERS)).isFalse();
    }

    @Test
    void a_name_that_needs_quotes_is_matched_quoted_only() {
        List<QualifiedName> mixed = List.of(QualifiedName.of("app", "Invoice Line"));
        assertThat(ObjectMentions.mentions("SELECT * FROM app.\"Invoice Line\"", mixed)).isTrue();
        assertThat(ObjectMentions.mentions("SELECT * FROM \"Invoice Line\" l", mixed)).isTrue();
    }

    @Test
    void a_delta_says_how_much_slower_a_call_got() {
        assertThat(new StatementDelta(1, "r", "q", 10, 2.0, 5L, 3.0).changePercent()).isEqualTo(50.0);
        assertThat(new StatementDelta(1, "r", "q", 10, 2.0, 0L, null).changePercent()).isNull();
    }
}
