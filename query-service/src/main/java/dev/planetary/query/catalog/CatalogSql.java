package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.CatalogScope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the catalog queries ({@code catalog/*.sql}, one per object kind) on the metadata-only
 * connection. Every query takes the same optional filters, bound as parameters.
 */
public class CatalogSql {

    private final JdbcClient jdbc;
    /** The query texts, read once per JVM: every engine (the pooled one, those bound to one connection) shares them. */
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    CatalogSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public <T> List<T> query(String name, CatalogScope scope, RowMapper<T> mapper) {
        return query(name, scope.parameters(), mapper);
    }

    /** A query naming one object by parameters of its own (each bound, never written into the text). */
    public <T> List<T> query(String name, Map<String, Object> parameters, RowMapper<T> mapper) {
        String sql = TEXTS.computeIfAbsent(name, CatalogSql::load);
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            if (sql.contains(":" + parameter.getKey())) {
                statement = statement.param(parameter.getKey(), parameter.getValue());
            }
        }
        return statement.query(mapper).list();
    }

    private static String load(String name) {
        return resource("/catalog/" + name + ".sql");
    }

    /** A query text kept on the classpath ({@code /health/tables.sql}, for example). */
    public static String resource(String path) {
        try (InputStream in = CatalogSql.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v == null ? null : v.toString()).toList();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
