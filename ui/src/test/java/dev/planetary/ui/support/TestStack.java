package dev.planetary.ui.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.planetary.testsupport.PostgresServer;
import dev.planetary.testsupport.TestPostgres;
import dev.planetary.ui.embedded.DemoTarget;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What an application test runs against: a control-plane database and a demo target database on
 * the test JVM's real PostgreSQL server, and a real SMTP server (GreenMail) in-process.
 */
public final class TestStack {

    /** Roles are cluster-wide: every target on this server shares these service logins. */
    private static final DemoTarget.ServiceLogins LOGINS = DemoTarget.newServiceLogins();
    private static GreenMail mail;

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
        properties.put("planetary.apply.resume-after", "2s");
        properties.put("planetary.apply.reconcile-every", "1s");
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

    public long count(Connection connection, String sql) throws SQLException {
        try (connection; Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
