package dev.planetary.ui.support;

import dev.planetary.embedded.PostgresServer;
import dev.planetary.testsupport.DebianPostgres;

/**
 * Logical replication between the two Debian servers, once per JVM, set up as a DBA would by hand (claimed as
 * bookkeeping, so the drift recorder does not report it). On the cron target's database: publication
 * {@value #ORDERS} (app.repl_orders, a row filter and a column list) subscribed to from the second server, so
 * its slot is active and a sender streams; publication {@value #LOG} (app.repl_log, no primary key, publishing
 * UPDATE and DELETE); an inactive slot {@value #FORGOTTEN} that WAL written after it is held for; subscription
 * {@value #PRICES} to the second server's publication of app.repl_prices; and a foreign server
 * {@value #FOREIGN_SERVER} with a user mapping (password {@value #FDW_PASSWORD}) the metadata login may read (the
 * executor's login has no USAGE on it: it cannot reach it); {@value #REACHABLE_SERVER}, the second server, which the
 * executor's login reaches; and two
 * tables of the executor's login, app.repl_feed (a primary key) and app.repl_feed_log (none), to publish through changes.
 */
public final class ReplicationServers {

    public static final String ORDERS = "orders_out";
    public static final String LOG = "log_out";
    public static final String FORGOTTEN = "forgotten_slot";
    public static final String PRICES = "prices_in";
    public static final String FOREIGN_SERVER = "warehouse";
    public static final String FDW_PASSWORD = "fdw-secret-7f3a91";
    public static final String REACHABLE_SERVER = "replica_server";
    public static final String REPLICA_DATABASE = "planetary_replica";
    private static boolean ready;

    private ReplicationServers() {
    }

    /** Needs the cron target registered ({@link CronTarget#ready}). */
    public static synchronized void ready() {
        if (ready) {
            return;
        }
        PostgresServer publisher = DebianPostgres.server();
        PostgresServer replica = DebianPostgres.subscriber();
        String cron = DebianPostgres.CRON_DATABASE;
        replica.execute("postgres", "CREATE DATABASE " + REPLICA_DATABASE);
        replica.execute(REPLICA_DATABASE, "CREATE SCHEMA app",
                "CREATE TABLE app.repl_orders (id bigint PRIMARY KEY, region text)",
                "CREATE TABLE app.repl_prices (id bigint PRIMARY KEY, price numeric NOT NULL)",
                "CREATE PUBLICATION prices_out FOR TABLE app.repl_prices");
        publisher.execute(cron, "SET planetary.change_id = 'planetary-bookkeeping'",
                "CREATE TABLE app.repl_orders (id bigint PRIMARY KEY, region text, note text)",
                "CREATE TABLE app.repl_log (at timestamptz NOT NULL DEFAULT now(), line text)",
                "CREATE TABLE app.repl_prices (id bigint PRIMARY KEY, price numeric NOT NULL)",
                "CREATE PUBLICATION " + ORDERS + " FOR TABLE app.repl_orders (id, region) WHERE (id > 0)",
                "CREATE PUBLICATION " + LOG + " FOR TABLE app.repl_log",
                "SELECT pg_create_logical_replication_slot('" + FORGOTTEN + "', 'pgoutput')",
                "CREATE SUBSCRIPTION " + PRICES + " CONNECTION '" + conninfo(replica, REPLICA_DATABASE) + "' PUBLICATION prices_out",
                "CREATE EXTENSION IF NOT EXISTS postgres_fdw",
                "CREATE SERVER " + FOREIGN_SERVER + " FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', dbname 'warehouse')",
                "GRANT USAGE ON FOREIGN SERVER " + FOREIGN_SERVER + " TO planetary_meta",
                "CREATE USER MAPPING FOR planetary_meta SERVER " + FOREIGN_SERVER
                        + " OPTIONS (user 'warehouse_reader', password '" + FDW_PASSWORD + "')",
                // a server the executor's login reaches (the second server trusts local connections: no password to require)
                "CREATE SERVER " + REACHABLE_SERVER + " FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '" + replica.host() + "', port '"
                        + replica.port() + "', dbname '" + REPLICA_DATABASE + "')",
                "GRANT USAGE ON FOREIGN SERVER " + REACHABLE_SERVER + " TO planetary_ddl",
                "CREATE USER MAPPING FOR planetary_ddl SERVER " + REACHABLE_SERVER
                        + " OPTIONS (user '" + replica.superuser() + "', password_required 'false')",
                // the executor's own tables, for publications proposed through changes
                "SET ROLE planetary_ddl",
                "CREATE TABLE app.repl_feed (id bigint PRIMARY KEY, region text, secret text)",
                "CREATE TABLE app.repl_feed_log (at timestamptz NOT NULL DEFAULT now(), line text)",
                "RESET ROLE",
                // WAL written after the forgotten slot: it holds all of it
                "INSERT INTO app.repl_log (line) SELECT 'line ' || n FROM generate_series(1, 200) AS n");
        replica.execute(REPLICA_DATABASE,
                "CREATE SUBSCRIPTION orders_in CONNECTION '" + conninfo(publisher, cron) + "' PUBLICATION " + ORDERS);
        ready = true;
    }

    /** A row inserted on the second server, where the cron target subscribes to it. */
    public static void insertPrice(long id, String price) {
        DebianPostgres.subscriber().execute(REPLICA_DATABASE, "INSERT INTO app.repl_prices VALUES (" + id + ", " + price + ")");
    }

    private static String conninfo(PostgresServer server, String database) {
        return "host=" + server.host() + " port=" + server.port() + " dbname=" + database + " user=" + server.superuser();
    }
}
