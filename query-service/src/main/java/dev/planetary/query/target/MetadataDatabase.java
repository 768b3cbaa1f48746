package dev.planetary.query.target;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.planetary.kernel.target.TargetId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pool of metadata-only connections to one target. Not a DataSource bean, on purpose. It opens
 * no connection until one is asked for, and gives up on an unreachable server within seconds, so
 * a target that is down neither stops Planetary from starting nor holds up the other targets.
 */
public class MetadataDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final JdbcClient jdbc;

    public MetadataDatabase(MetadataTargetProperties properties) {
        this(TargetId.DEFAULT, properties);
    }

    public MetadataDatabase(TargetId target, MetadataTargetProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("planetary-metadata-" + target);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("connectTimeout", "3");
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.metadata().username());
        config.setPassword(properties.metadata().password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        config.addDataSourceProperty("ApplicationName", "planetary-metadata");
        // Catalog queries take optional filters ("CAST(:relation AS oid) IS NULL OR ..."): a generic
        // plan would scan everything, custom plans fold the unused filters away. Parallel workers
        // slow catalog queries on small machines (shared/bench/README.md), and JIT compilation costs
        // more than it saves on these queries (0.5 s of a 0.65 s type query at 10,000 tables).
        config.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan -c max_parallel_workers_per_gather=0 -c jit=off");
        pool = new HikariDataSource(config);
        jdbc = JdbcClient.create(pool);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public javax.sql.DataSource dataSource() {
        return pool;
    }

    public String url() {
        return pool.getJdbcUrl();
    }

    @Override
    public void close() {
        pool.close();
    }
}
