package dev.planetary.kernel.replication;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a publication's UPDATE and DELETE need of a table's replica identity, as PostgreSQL 15 checks it on the publisher. */
class ReplicaIdentityTest {

    private static final List<String> ALL = List.of("insert", "update", "delete", "truncate");
    private static final ReplicaIdentity PRIMARY_KEY = ReplicaIdentity.of("d", List.of("id"));

    @Test
    void inserts_only_need_no_identity() {
        assertThat(ReplicaIdentity.of("n", List.of()).problem(List.of("insert", "truncate"), null, null)).isNull();
    }

    @Test
    void a_table_without_primary_key_fails_updates_and_deletes_and_says_what_to_do() {
        assertThat(ReplicaIdentity.of("d", List.of()).problem(ALL, null, null))
                .isEqualTo("no primary key to identify rows: UPDATE and DELETE on this table fail while it is published for them;"
                        + " add a primary key, or set REPLICA IDENTITY USING INDEX or FULL");
        assertThat(ReplicaIdentity.of("n", List.of()).problem(List.of("delete"), null, null))
                .startsWith("REPLICA IDENTITY NOTHING: DELETE on this table fail");
    }

    @Test
    void a_column_list_must_keep_the_identity_and_a_row_filter_read_only_it() {
        assertThat(PRIMARY_KEY.problem(ALL, List.of("id", "note"), List.of("id"))).isNull();
        assertThat(PRIMARY_KEY.problem(ALL, List.of("note"), null))
                .isEqualTo("the column list leaves out id of the replica identity: UPDATE and DELETE on this table fail");
        assertThat(PRIMARY_KEY.problem(List.of("insert", "update"), null, List.of("region", "id", "region")))
                .isEqualTo("the row filter reads region, not part of the replica identity: UPDATE on this table fail");
        assertThat(ReplicaIdentity.of("f", List.of("id", "region")).problem(ALL, null, List.of("region"))).isNull();
    }

    @Test
    void a_usable_identity_passes() {
        assertThat(ReplicaIdentity.of("i", List.of("code")).problem(ALL, null, null)).isNull();
    }
}
