package dev.planetary.ui.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.query.audit.AuditPreparation;
import dev.planetary.query.audit.AuditProperties;
import dev.planetary.query.audit.AuditServer;
import dev.planetary.testsupport.TestPostgres;
import dev.planetary.ui.embedded.DemoTarget;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an application test runs against: a control-plane database and a demo target database on
 * the test JVM's real PostgreSQL server, and a real SMTP server (GreenMail) in-process.
 */
public final class TestStack {

    /** Roles are cluster-wide: every target on this server shares these service logins. */
    private static final DemoTarget.ServiceLogins LOGINS = DemoTarget.newServiceLogins();
    private static GreenMail mail;
    private static EmbeddedServers.Started auditServer;
    public static final String STAGING_DATABASE = "staging";
    public static final String PRODUCTION_DATABASE = "production";
    /** The staging target: the demo schema on a server of its own (roles are cluster-wide, so rights there are its own). */
    public static final SideTarget STAGING = new SideTarget("planetary-staging-", STAGING_DATABASE);
    /** The production target, on a third server, where carol (a reviewer elsewhere) may only read. */
    public static final SideTarget PRODUCTION = new SideTarget("planetary-production-", PRODUCTION_DATABASE,
            "REVOKE planetary_reviewer FROM carol", "GRANT planetary_viewer TO carol");
    /** A port nothing listens on: the "offline" target's server, which refuses every connection. */
    private static final int OFFLINE_PORT = freePort();
    private static java.nio.file.Path auditData;
    public static final String AUDIT_OWNER_PASSWORD = EmbeddedServers.randomPassword();
    public static final String AUDIT_WRITER_PASSWORD = EmbeddedServers.randomPassword();

    public final PostgresServer server;
    public final String controlDatabase;
    public final String targetDatabase;

    private TestStack(String name) {
        server = TestPostgres.server();
        controlDatabase = server.createDatabase(name + "_control");
        targetDatabase = server.createDatabase(name + "_target");
        DemoTarget.install(server, targetDatabase, LOGINS);
    }

    public static TestStack create(String name) {
        return new TestStack(name);
    }

    public static synchronized GreenMail mail() {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            mail.start();
        }
        return mail;
    }

    /** The mails received so far with this subject. */
    public static List<MimeMessage> mails(String subject) {
        try {
            List<MimeMessage> found = new ArrayList<>();
            for (MimeMessage message : mail().getReceivedMessages()) {
                if (subject.equals(message.getSubject())) {
                    found.add(message);
                }
            }
            return found;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The audit server: a second real PostgreSQL server on its own port, shared by the JVM's
     * tests, with an owner login that may create the writer role.
     */
    public static synchronized PostgresServer audit() {
        if (auditServer == null) {
            try {
                auditData = java.nio.file.Files.createTempDirectory("planetary-audit-");
                auditServer = EmbeddedServers.start(auditData, true);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not start the audit server", e);
            }
            auditServer.server().execute("postgres",
                    "CREATE ROLE audit_owner LOGIN CREATEROLE PASSWORD '" + AUDIT_OWNER_PASSWORD + "'",
                    "GRANT CREATE ON DATABASE postgres TO audit_owner");
            // Prepared before any application starts, so the audit mirror never waits for it.
            try (AuditServer server = new AuditServer(auditProperties(auditServer.server()))) {
                new AuditPreparation(server).run();
            }
        }
        return auditServer.server();
    }

    /** Stops the audit server, runs {@code whileDown}, and starts it again on the same data and port. */
    public static synchronized void withAuditServerStopped(Runnable whileDown) {
        audit();
        try {
            auditServer.postgres().close();
            try {
                whileDown.run();
            } finally {
                auditServer = EmbeddedServers.startAgain(auditServer.server(), auditData);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not stop or restart the audit server", e);
        }
    }

    /**
     * A target besides the default one: the demo schema (with the demo people and their rights) in a
     * database on a server of its own, started once per JVM and shared by its application contexts.
     */
    public static final class SideTarget {

        private final String directoryPrefix;
        public final String database;
        private final String[] rightsHere;
        private final DemoTarget.ServiceLogins logins = DemoTarget.newServiceLogins();
        private EmbeddedServers.Started started;
        private java.nio.file.Path directory;

        /** {@code rightsHere}: statements that give the demo people other rights on this target than on the default one. */
        private SideTarget(String directoryPrefix, String database, String... rightsHere) {
            this.directoryPrefix = directoryPrefix;
            this.database = database;
            this.rightsHere = rightsHere;
        }

        public synchronized PostgresServer server() {
            if (started == null) {
                try {
                    directory = java.nio.file.Files.createTempDirectory(directoryPrefix);
                    started = EmbeddedServers.start(directory, true);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("could not start the " + database + " target's server", e);
                }
                started.server().execute("postgres", "CREATE DATABASE " + database);
                DemoTarget.install(started.server(), database, logins);
                if (rightsHere.length > 0) {
                    started.server().execute("postgres", rightsHere);
                }
            }
            return started.server();
        }

        /**
         * Stops this target's server (a fast shutdown: its sessions are ended), runs
         * {@code whileDown}, and starts it again on the same data and port, even when {@code whileDown} fails.
         */
        public synchronized void withServerStopped(Runnable whileDown) {
            server();
            try {
                started.postgres().close();
                try {
                    whileDown.run();
                } finally {
                    started = EmbeddedServers.startAgain(started.server(), directory);
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not stop or restart the " + database + " target's server", e);
            }
        }

        /** Runs statements on this target as its owner (planetary_ddl), as an application team would. */
        public void asOwner(String... statements) {
            String[] all = new String[statements.length + 1];
            all[0] = "SET ROLE " + logins.ddlUser();
            System.arraycopy(statements, 0, all, 1, statements.length);
            server().execute(database, all);
        }

        /** Runs statements on this target as a superuser (role memberships, ...). */
        public void asSuperuser(String... statements) {
            server().execute(database, statements);
        }

        public boolean query(String sql) throws SQLException {
            try (Connection connection = server().connect(database); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getBoolean(1);
            }
        }

        /**
         * A new database on this target's server, not yet known to Planetary, for registering at run
         * time: its DDL login may create there, and it holds a table owned by that login.
         */
        public String spareDatabase(String prefix) {
            String database = server().createDatabase(prefix);
            server().execute(database, "GRANT CREATE ON DATABASE " + database + " TO " + logins.ddlUser(),
                    "SET ROLE " + logins.ddlUser(), "CREATE SCHEMA app", "CREATE TABLE app.region (id int PRIMARY KEY, name text)");
            return database;
        }

        /**
         * Named credentials for registering a database of this server: {@code <prefix>-meta} and
         * {@code <prefix>-ddl} (its service logins), and {@code <prefix>-super} (a superuser, which a
         * metadata login must not be).
         */
        void credentials(Map<String, Object> properties, String prefix) {
            credential(properties, prefix + "-meta", logins.metadataUser(), logins.metadataPassword());
            credential(properties, prefix + "-ddl", logins.ddlUser(), logins.ddlPassword());
            credential(properties, prefix + "-super", server().superuser(), server().superuserPassword());
        }

        private static void credential(Map<String, Object> properties, String name, String username, String password) {
            properties.put("planetary.credentials." + name + ".username", username);
            properties.put("planetary.credentials." + name + ".password", password);
        }

        void wire(Map<String, Object> properties, String name, String displayName, String environment) {
            String prefix = "planetary.targets." + name + ".";
            properties.put(prefix + "url", server().jdbcUrl(database));
            properties.put(prefix + "name", displayName);
            properties.put(prefix + "environment", environment);
            properties.put(prefix + "ddl.username", logins.ddlUser());
            properties.put(prefix + "ddl.password", logins.ddlPassword());
            properties.put(prefix + "metadata.username", logins.metadataUser());
            properties.put(prefix + "metadata.password", logins.metadataPassword());
            properties.put(prefix + "lock-timeout", "700ms");
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditProperties auditProperties(PostgresServer server) {
        return new AuditProperties(server.jdbcUrl("postgres"), new AuditProperties.Credentials("audit_owner", AUDIT_OWNER_PASSWORD),
                new AuditProperties.Credentials("planetary_audit_writer", AUDIT_WRITER_PASSWORD));
    }

    /** The properties wiring Planetary to this stack. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", server.jdbcUrl(controlDatabase));
        properties.put("spring.datasource.username", server.superuser());
        properties.put("spring.datasource.password", server.superuserPassword());
        properties.put("planetary.target.url", server.jdbcUrl(targetDatabase));
        properties.put("planetary.target.ddl.username", LOGINS.ddlUser());
        properties.put("planetary.target.ddl.password", LOGINS.ddlPassword());
        properties.put("planetary.target.metadata.username", LOGINS.metadataUser());
        properties.put("planetary.target.metadata.password", LOGINS.metadataPassword());
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", mail().getSmtp().getPort());
        properties.put("planetary.target.lock-timeout", "700ms");
        // health samples every few seconds, so a test sees them move without waiting minutes
        properties.put("planetary.health.sample-every", "3s");
        properties.put("planetary.health.first-sample-after", "1s");
        // replication slots watched every few seconds, and an inactive slot flagged from its first kilobytes
        properties.put("planetary.replication.watch-every", "3s");
        properties.put("planetary.replication.slot-risk", "4KB");
        properties.put("planetary.target.name", "App");
        properties.put("planetary.target.environment", "dev");
        // More targets: staging and production, each on a server of its own, and a target that cannot be reached.
        STAGING.wire(properties, "staging", "Staging", "staging");
        PRODUCTION.wire(properties, "production", "Production", "prod");
        // Logins for databases registered at run time (TargetRegistrationIT), by credential name only.
        STAGING.credentials(properties, "spare");
        properties.put("planetary.targets-refresh", "1s");
        properties.put("planetary.targets.offline.url", "jdbc:postgresql://127.0.0.1:" + OFFLINE_PORT + "/offline");
        properties.put("planetary.targets.offline.name", "Archive (offline)");
        properties.put("planetary.targets.offline.environment", "prod");
        properties.put("planetary.targets.offline.ddl.username", "planetary_ddl");
        properties.put("planetary.targets.offline.ddl.password", "unused");
        properties.put("planetary.targets.offline.metadata.username", "planetary_meta");
        properties.put("planetary.targets.offline.metadata.password", "unused");
        properties.put("planetary.apply.resume-after", "2s");
        properties.put("planetary.apply.reconcile-every", "1s");
        properties.put("planetary.audit.url", audit().jdbcUrl("postgres"));
        properties.put("planetary.audit.owner.username", "audit_owner");
        properties.put("planetary.audit.owner.password", AUDIT_OWNER_PASSWORD);
        properties.put("planetary.audit.writer.username", "planetary_audit_writer");
        properties.put("planetary.audit.writer.password", AUDIT_WRITER_PASSWORD);
        properties.put("planetary.credentials.audit-writer.password", AUDIT_WRITER_PASSWORD);
        return properties;
    }

    /** Runs statements on the target as its owner (planetary_ddl), as an application team would have. */
    public void asOwner(String... statements) {
        String[] all = new String[statements.length + 1];
        all[0] = "SET ROLE " + LOGINS.ddlUser();
        System.arraycopy(statements, 0, all, 1, statements.length);
        server.execute(targetDatabase, all);
    }

    public Connection target() throws SQLException {
        return server.connect(targetDatabase);
    }

    public Connection control() throws SQLException {
        return server.connect(controlDatabase);
    }

    public Connection targetAs(String login, String password) throws SQLException {
        return server.dataSource(targetDatabase, login, password).getConnection();
    }

    public boolean targetQuery(String sql) throws SQLException {
        try (Connection connection = target(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /**
     * Events that requests store (proposals, revisions, reviews, withdrawals, dry-runs), leaving out
     * those recorded in the background while earlier tests' changes apply and drift is watched.
     */
    public long requestEvents() throws SQLException {
        return count(control(), "SELECT count(*) FROM domain_event_entry WHERE payload_type NOT SIMILAR TO"
                + " '%(ChangeApplyStartedEvent|ChangeApplyWaitingEvent|ChangeStepRecordedEvent|ChangeAppliedEvent|ChangeFailedEvent|ChangeDriftedEvent"
                + "|ChangeRebasedEvent|DriftDetectedEvent)'");
    }

    public long count(Connection connection, String sql) throws SQLException {
        try (connection; Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
