package dev.planetary.query.config;

import dev.planetary.kernel.config.ConfigFileEntry;
import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.Configuration;
import dev.planetary.kernel.config.ConfigurationQuery;
import dev.planetary.kernel.config.FindParameterFactsQuery;
import dev.planetary.kernel.config.FindSessionDefaultFactsQuery;
import dev.planetary.kernel.config.ParameterFacts;
import dev.planetary.kernel.config.RoleSetting;
import dev.planetary.kernel.config.SessionDefaultFacts;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.catalog.CatalogSql;
import dev.planetary.query.health.MonitoringSession;
import dev.planetary.query.target.MetadataTargets;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a target's configuration from {@code pg_settings}, {@code pg_db_role_setting} and, where the
 * metadata login may, {@code pg_file_settings}: metadata only, with the monitoring session's short timeouts.
 */
@Component
public class ConfigurationReader {

    static final String FILE_GRANT = "Planetary's metadata login may not read pg_file_settings: a superuser runs "
            + "GRANT SELECT ON pg_file_settings TO <login>; GRANT EXECUTE ON FUNCTION pg_show_all_file_settings() TO <login>";
    private static final String SETTINGS = CatalogSql.resource("/config/settings.sql");
    private static final String FILE_ERRORS = CatalogSql.resource("/config/file_errors.sql");
    private static final String ROLE_SETTINGS = CatalogSql.resource("/config/role_settings.sql");
    private static final String SESSION_DEFAULT = CatalogSql.resource("/config/session_default.sql");

    private final MetadataTargets targets;

    public ConfigurationReader(MetadataTargets targets) {
        this.targets = targets;
    }

    @QueryHandler
    public Configuration handle(ConfigurationQuery query) {
        return read(query.target());
    }

    public Configuration read(TargetId target) {
        return MonitoringSession.read(targets.database(target), jdbc -> {
            List<ConfigParameter> parameters = jdbc.sql(SETTINGS).query((rs, row) -> parameter(rs)).list();
            boolean readsFiles = readsFiles(jdbc);
            String database = jdbc.sql("SELECT current_database()").query(String.class).single();
            List<RoleSetting> roleSettings = jdbc.sql(ROLE_SETTINGS).query((rs, row) -> new RoleSetting(rs.getString("role"),
                    rs.getString("database"), rs.getString("parameter"), rs.getString("value"))).list();
            if (!readsFiles) {
                return new Configuration(parameters, List.of(), FILE_GRANT, roleSettings, database);
            }
            return new Configuration(parameters, fileErrors(jdbc), null, roleSettings, database);
        });
    }

    /**
     * One parameter's facts for a change to it: its row of pg_settings and the last line for it in
     * postgresql.auto.conf (what ALTER SYSTEM wrote), where the metadata login may read the files.
     */
    @QueryHandler
    public Optional<ParameterFacts> facts(FindParameterFactsQuery query) {
        return MonitoringSession.read(targets.database(query.target()), jdbc -> {
            Optional<ConfigParameter> parameter = parameter(jdbc, query.parameter());
            if (parameter.isEmpty()) {
                return Optional.empty();
            }
            if (!readsFiles(jdbc)) {
                return Optional.of(new ParameterFacts(parameter.get(), null, false));
            }
            Optional<String> fileValue = jdbc.sql("""
                            SELECT setting FROM pg_catalog.pg_file_settings
                            WHERE name = :name AND sourcefile LIKE '%/postgresql.auto.conf' ORDER BY seqno DESC LIMIT 1""")
                    .param("name", query.parameter()).query(String.class).optional();
            return Optional.of(new ParameterFacts(parameter.get(), fileValue.orElse(null), true));
        });
    }

    /** A per-role or per-database default's facts for a change to it: the parameter, the value now, whether role and database exist. */
    @QueryHandler
    public Optional<SessionDefaultFacts> facts(FindSessionDefaultFactsQuery query) {
        return MonitoringSession.read(targets.database(query.target()), jdbc -> parameter(jdbc, query.parameter())
                .map(parameter -> jdbc.sql(SESSION_DEFAULT).param("role", query.role()).param("database", query.database())
                        .param("name", query.parameter())
                        .query((rs, row) -> new SessionDefaultFacts(parameter, rs.getString("previous"), rs.getBoolean("role_exists"),
                                rs.getBoolean("database_exists"), rs.getString("database"))).single()));
    }

    private static Optional<ConfigParameter> parameter(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT * FROM (" + SETTINGS + ") s WHERE name = :name").param("name", name)
                .query((rs, row) -> parameter(rs)).optional();
    }

    private static boolean readsFiles(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT has_table_privilege('pg_catalog.pg_file_settings', 'SELECT')
                   AND has_function_privilege('pg_catalog.pg_show_all_file_settings()', 'EXECUTE')""")
                .query(Boolean.class).single();
    }

    private static List<ConfigFileEntry> fileErrors(JdbcClient jdbc) {
        return jdbc.sql(FILE_ERRORS).query((rs, row) -> new ConfigFileEntry(rs.getString("sourcefile"),
                (Integer) rs.getObject("sourceline"), rs.getString("name"), rs.getString("setting"), rs.getString("error"))).list();
    }

    private static ConfigParameter parameter(ResultSet rs) throws SQLException {
        return new ConfigParameter(rs.getString("name"), rs.getString("setting"), rs.getString("unit"), rs.getString("category"),
                rs.getString("short_desc"), rs.getString("extra_desc"), rs.getString("context"), rs.getString("vartype"),
                rs.getString("source"), rs.getString("sourcefile"), (Integer) rs.getObject("sourceline"), rs.getString("min_val"),
                rs.getString("max_val"), strings(rs.getArray("enumvals")), rs.getString("boot_val"), rs.getString("reset_val"),
                rs.getBoolean("pending_restart"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
