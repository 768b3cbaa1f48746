package dev.planetary.query.catalog;

import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.testsupport.TestPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A fresh database loaded as the superuser, and introspection engines over it: one connected like
 * the application (the metadata role {@value #META_ROLE}, a plain login that may read no table,
 * with custom plans forced as {@code MetadataDatabase} does), one as the superuser for comparison.
 */
record CatalogFixture(PostgresServer server, String database, PGSimpleDataSource metaDataSource,
                      PGSimpleDataSource superDataSource) {

    static final String META_ROLE = "insp_meta";
    /** The secrets written in catalog-fixture.sql: introspection must never return them. */
    static final String USER_MAPPING_PASSWORD = "Fdw-Secret-Pw-4417";
    static final String SUBSCRIPTION_PASSWORD = "Sub-Secret-Pw-2291";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    /** One password per test JVM: the role is cluster-wide and every fixture's data source logs in with it. */
    private static final String META_PASSWORD = EmbeddedServers.randomPassword();

    /** catalog-fixture.sql in a new database. */
    static CatalogFixture load(String prefix) {
        return create(prefix, sql("catalog-fixture.sql"));
    }

    /** A new database with {@code script} run in it as the superuser, and the metadata role. */
    static CatalogFixture create(String prefix, String script) {
        PostgresServer server = TestPostgres.server();
        String database = server.createDatabase(prefix);
        // roles are cluster-wide: created once, the password set by the first fixture of this JVM
        String password = META_PASSWORD;
        server.execute("postgres", """
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s LOGIN; END IF;
                END $$""".formatted(META_ROLE), "ALTER ROLE " + META_ROLE + " LOGIN PASSWORD '" + password + "'");
        server.execute(database, script);
        PGSimpleDataSource meta = (PGSimpleDataSource) server.dataSource(database, META_ROLE, password);
        meta.setOptions("-c plan_cache_mode=force_custom_plan");
        meta.setApplicationName("planetary-metadata");
        PGSimpleDataSource superuser = (PGSimpleDataSource) server.dataSource(database);
        return new CatalogFixture(server, database, meta, superuser);
    }

    /** The engine as the application builds it: on the metadata role's connection. */
    Introspector metaEngine() {
        return Introspector.over(metaDataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    Introspector superEngine() {
        return Introspector.over(superDataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The superuser's connection, for PostgreSQL's own answers (oids, sizes) and for changes. */
    JdbcClient superJdbc() {
        return JdbcClient.create(superDataSource);
    }

    Connection metaConnection() throws SQLException {
        return metaDataSource.getConnection();
    }

    long oid(String sql, Object... parameters) {
        return superJdbc().sql(sql).params(parameters).query(Long.class).single();
    }

    long regclass(String qualified) {
        return oid("SELECT CAST(CAST(? AS text) AS regclass)::oid", qualified);
    }

    long regprocedure(String signature) {
        return oid("SELECT CAST(CAST(? AS text) AS regprocedure)::oid", signature);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String sql(String resource) {
        try (InputStream in = CatalogFixture.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
