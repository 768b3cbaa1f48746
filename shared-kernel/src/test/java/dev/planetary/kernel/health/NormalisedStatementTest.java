package dev.planetary.kernel.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormalisedStatementTest {

    @Test
    void typed_literals_turned_into_parameters_become_casts() {
        assertThat(NormalisedStatement.preparable("SELECT * FROM b WHERE arrived > DATE $2 AND at < now() - interval $3"))
                .isEqualTo("SELECT * FROM b WHERE arrived > $2::DATE AND at < now() - $3::interval");
        assertThat(NormalisedStatement.preparable("SELECT timestamp with time zone $1"))
                .isEqualTo("SELECT $1::timestamp with time zone");
    }

    @Test
    void parameters_elsewhere_and_names_that_merely_end_like_a_type_are_left_alone() {
        String plain = "SELECT \"date\" FROM b WHERE b.date = $1 AND update_text = $2 AND x::date > $3";
        assertThat(NormalisedStatement.preparable(plain)).isEqualTo(plain);
    }

    @Test
    void queries_and_writes_are_data_statements_ddl_and_grants_are_not() {
        assertThat(NormalisedStatement.readsOrWritesData("SELECT 1")).isTrue();
        assertThat(NormalisedStatement.readsOrWritesData("  /* app */ with x as (select 1) select * from x")).isTrue();
        assertThat(NormalisedStatement.readsOrWritesData("INSERT INTO t SELECT g FROM generate_series($1, $2) g")).isTrue();
        assertThat(NormalisedStatement.readsOrWritesData("update t set a = $1\nwhere b = $2")).isTrue();
        assertThat(NormalisedStatement.readsOrWritesData("CREATE INDEX CONCURRENTLY i ON t (a)")).isFalse();
        assertThat(NormalisedStatement.readsOrWritesData("GRANT SELECT ON t TO alice")).isFalse();
        assertThat(NormalisedStatement.readsOrWritesData("ANALYZE t")).isFalse();
        assertThat(NormalisedStatement.readsOrWritesData("selection_is_not_a_keyword")).isFalse();
    }
}
