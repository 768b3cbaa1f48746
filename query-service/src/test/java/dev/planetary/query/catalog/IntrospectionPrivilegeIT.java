package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The metadata role reads no row of any table, yet sees the whole catalog: its snapshot has every
 * object the superuser's has.
 */
class IntrospectionPrivilegeIT {

    private static CatalogFixture fixture;

    @BeforeAll
    static void load() {
        fixture = CatalogFixture.load("introspection_privilege");
    }

    @Test
    void the_metadata_role_may_read_no_table_view_or_foreign_table() throws SQLException {
        Catalog.Snapshot all = fixture.superEngine().snapshot();
        List<String> relations = new ArrayList<>();
        all.tables().forEach(t -> relations.add(CatalogFixture.quote(t.schema()) + "." + CatalogFixture.quote(t.name())));
        all.views().forEach(v -> relations.add(CatalogFixture.quote(v.schema()) + "." + CatalogFixture.quote(v.name())));
        assertThat(relations).hasSize(8 + 4).contains("\"Mixed Case\".\"Order \"\"Lines\"\"\"", "\"app\".\"remote_stock\"",
                "\"app\".\"order_totals\"");

        try (Connection meta = fixture.metaConnection(); Statement statement = meta.createStatement()) {
            for (String relation : relations) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + relation + " LIMIT 0"))
                        .as(relation).isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("42501");
                            // the schema may be entered: it is the relation itself that is refused
                            assertThat(e.getMessage()).containsPattern("permission denied for (table|view|materialized view|foreign table) ");
                        });
            }
        }
        for (String relation : relations) {
            assertThat(fixture.superJdbc().sql("""
                            SELECT has_table_privilege(:role, CAST(:relation AS regclass),
                                                       'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
                                OR has_any_column_privilege(:role, CAST(:relation AS regclass), 'SELECT, INSERT, UPDATE, REFERENCES')""")
                    .param("role", CatalogFixture.META_ROLE).param("relation", relation).query(Boolean.class).single())
                    .as(relation).isFalse();
        }
    }

    @Test
    void yet_its_snapshot_is_as_complete_as_the_superusers() throws Exception {
        Catalog.Snapshot asMeta = fixture.metaEngine().snapshot();
        Catalog.Snapshot asSuperuser = fixture.superEngine().snapshot();
        for (RecordComponent component : Catalog.Snapshot.class.getRecordComponents()) {
            if (component.getType() != List.class) {
                continue;
            }
            List<?> meta = (List<?>) component.getAccessor().invoke(asMeta);
            List<?> superuser = (List<?>) component.getAccessor().invoke(asSuperuser);
            assertThat(meta).as(component.getName()).hasSameSizeAs(superuser);
            switch (component.getName()) {
                // what differs is what the role may not see: a sequence's value, a mapping's options
                case "sequences" -> assertThat(asMeta.sequences()).extracting(Catalog.Sequence::oid)
                        .isEqualTo(asSuperuser.sequences().stream().map(Catalog.Sequence::oid).toList());
                case "userMappings" -> assertThat(asMeta.userMappings()).extracting(m -> m.server() + "/" + m.user())
                        .isEqualTo(asSuperuser.userMappings().stream().map(m -> m.server() + "/" + m.user()).toList());
                case "tables" -> assertThat(IntrospectionIT.withoutStatistics(asMeta.tables()))
                        .isEqualTo(IntrospectionIT.withoutStatistics(asSuperuser.tables()));
                case "indexes" -> assertThat(asMeta.indexes()).extracting(Catalog.Index::oid)
                        .isEqualTo(asSuperuser.indexes().stream().map(Catalog.Index::oid).toList());
                case "replicationSlots" -> assertThat(asMeta.replicationSlots()).extracting(Catalog.ReplicationSlot::name)
                        .isEqualTo(asSuperuser.replicationSlots().stream().map(Catalog.ReplicationSlot::name).toList());
                default -> assertThat(meta).as(component.getName()).isEqualTo(superuser);
            }
        }
        // and there is something to compare: every kind of the fixture is there
        assertThat(asMeta.tables()).hasSize(8);
        assertThat(asMeta.views()).hasSize(4);
        assertThat(asMeta.constraints()).hasSize(13);
        assertThat(asMeta.indexes()).hasSize(16);
        assertThat(asMeta.triggers()).hasSize(7);
        assertThat(asMeta.policies()).hasSize(4);
        assertThat(asMeta.functions()).hasSize(17);
        assertThat(asMeta.types()).hasSize(4);
        assertThat(asMeta.sequences()).hasSize(7);
        assertThat(asMeta.eventTriggers()).hasSize(1);
        assertThat(asMeta.publications()).hasSize(2);
        assertThat(asMeta.subscriptions()).hasSize(1);
        assertThat(asMeta.foreignTables()).hasSize(1);
        assertThat(asMeta.userMappings()).hasSize(1);
        assertThat(asMeta.defaultPrivileges()).hasSize(4);
        // the current value of a sequence only where the role may read it
        assertThat(asMeta.sequences()).filteredOn(s -> s.name().equals("secret_seq")).extracting(Catalog.Sequence::lastValue)
                .containsOnlyNulls();
        assertThat(asSuperuser.sequences()).filteredOn(s -> s.name().equals("secret_seq")).extracting(Catalog.Sequence::lastValue)
                .containsExactly(7L);
    }
}
