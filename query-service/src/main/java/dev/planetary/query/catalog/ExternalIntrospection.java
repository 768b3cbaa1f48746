package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.planetary.query.catalog.CatalogSql.strings;

/** Foreign data (wrappers, servers, user mappings, foreign tables) and logical replication. */
public class ExternalIntrospection {

    /** Option keys whose values are credentials: never shown, whoever asks. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|secret|token|key|sslpassword).*");
    public static final String MASK = "********";

    private final CatalogSql sql;

    public ExternalIntrospection(CatalogSql sql) {
        this.sql = sql;
    }

    public record ForeignData(List<Catalog.ForeignDataWrapper> wrappers, List<Catalog.ForeignServer> servers,
                              List<Catalog.ForeignTable> tables) {
    }

    public ForeignData foreignData() {
        List<Catalog.ForeignDataWrapper> wrappers = new ArrayList<>();
        List<Catalog.ForeignServer> servers = new ArrayList<>();
        List<Catalog.ForeignTable> tables = new ArrayList<>();
        sql.query("foreign_data", CatalogScope.ALL, (rs, n) -> {
            List<String> options = masked(strings(rs, "options"));
            switch (rs.getString("kind")) {
                case "wrapper" -> wrappers.add(new Catalog.ForeignDataWrapper(rs.getString("name"), rs.getString("handler"),
                        rs.getString("validator"), rs.getString("owner"), options));
                case "server" -> servers.add(new Catalog.ForeignServer(rs.getString("name"), rs.getString("parent"),
                        rs.getString("type"), rs.getString("version"), rs.getString("owner"), options));
                default -> tables.add(new Catalog.ForeignTable(rs.getLong("oid"), rs.getString("schema"),
                        rs.getString("name"), rs.getString("parent"), options));
            }
            return n;
        });
        return new ForeignData(wrappers, servers, tables);
    }

    public List<Catalog.UserMapping> userMappings() {
        return sql.query("user_mappings", CatalogScope.ALL, (rs, n) -> new Catalog.UserMapping(rs.getString("server"),
                rs.getString("user"), masked(strings(rs, "options"))));
    }

    public List<Catalog.Publication> publications() {
        return sql.query("publications", CatalogScope.ALL, (rs, n) -> {
            List<String> schemas = strings(rs, "table_schemas");
            List<String> names = strings(rs, "table_relnames");
            List<String> filters = strings(rs, "row_filters");
            List<String> columns = strings(rs, "column_lists");
            List<Catalog.PublishedTable> tables = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                tables.add(new Catalog.PublishedTable(schemas.get(i), names.get(i),
                        filters.get(i).isEmpty() ? null : filters.get(i),
                        columns.get(i).isEmpty() ? List.of() : List.of(columns.get(i).split(","))));
            }
            return new Catalog.Publication(rs.getString("name"), rs.getString("owner"), rs.getBoolean("all_tables"),
                    rs.getBoolean("insert"), rs.getBoolean("update"), rs.getBoolean("delete"), rs.getBoolean("truncate"),
                    tables, strings(rs, "schemas"));
        });
    }

    public List<Catalog.Subscription> subscriptions() {
        return sql.query("subscriptions", CatalogScope.ALL, (rs, n) -> new Catalog.Subscription(rs.getString("name"),
                rs.getString("owner"), rs.getBoolean("enabled"), strings(rs, "publications"), rs.getString("slot_name")));
    }

    public List<Catalog.ReplicationSlot> replicationSlots() {
        return sql.query("replication_slots", CatalogScope.ALL, (rs, n) -> new Catalog.ReplicationSlot(rs.getString("name"),
                rs.getString("plugin"), rs.getString("type"), rs.getString("database"), rs.getBoolean("active"),
                rs.getString("restart_lsn"), rs.getString("confirmed_flush_lsn"), rs.getString("wal_status")));
    }

    static List<String> masked(List<String> options) {
        return options.stream().map(option -> {
            int equals = option.indexOf('=');
            String key = equals < 0 ? option : option.substring(0, equals);
            return SECRET.matcher(key).matches() ? key + "=" + MASK : option;
        }).toList();
    }
}
