package dev.planetary.ui.embedded;

import dev.planetary.query.audit.AuditPreparation;
import dev.planetary.query.audit.AuditProperties;
import dev.planetary.query.audit.AuditServer;
import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * With no control-plane database configured, Planetary starts its own: embedded PostgreSQL 15
 * servers for the control plane, two demo target databases (dev, and staging to promote changes to
 * and compare with) and the audit server, wired in before any bean is made.
 * Their data is kept in a directory ({@link EmbeddedHome}), durably, and used again on the next
 * start: the demo is loaded once, and what people did with it is there after a restart.
 */
public class EmbeddedDefault implements EnvironmentPostProcessor, Ordered {

    public static final String ENABLED = "planetary.embedded.enabled";
    /** Where the demo database waiting to be registered is (printed at start). */
    public static final String REGISTRABLE_URL = "planetary.embedded.registrable-url";
    private static final String REGISTRABLE_DATABASE = "demo_eu";
    /** Whether this start loaded the demo (otherwise it found it kept from an earlier start). */
    public static final String FIRST_START = "planetary.embedded.first-start";
    private static final List<String> SERVERS = List.of("control", "target", "staging", "audit");
    private static final String SERVER = "server.";
    private static final List<EmbeddedServers.Started> RUNNING = new ArrayList<>();
    private static final List<EmbeddedHome> HOME = new ArrayList<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty(ENABLED, Boolean.class, true)
                || environment.getPropertySources().contains("planetary-embedded")) {
            return;
        }
        Path directory = Path.of(environment.getProperty(EmbeddedHome.DATA_DIR, EmbeddedHome.defaultDirectory().toString()));
        try {
            EmbeddedHome home = EmbeddedHome.open(directory, environment.getProperty(EmbeddedHome.FRESH, Boolean.class, false),
                    SERVERS.toArray(String[]::new));
            synchronized (RUNNING) {
                HOME.add(home);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDefault::stopAll, "planetary-embedded-stop"));
            boolean firstStart = !home.kept();
            Map<String, Object> properties = new HashMap<>(firstStart ? firstStart(home) : startAgain(home));
            properties.put("planetary.embedded.running", "true");
            properties.put(EmbeddedHome.DATA_DIR, home.directory().toString());
            properties.put(FIRST_START, String.valueOf(firstStart));
            environment.getPropertySources().addFirst(new MapPropertySource("planetary-embedded", properties));
        } catch (IOException e) {
            stopAll();
            throw new UncheckedIOException("could not start the embedded PostgreSQL servers in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Starts the servers on empty data directories and loads the demo into them. The state (every
     * property below, each server's port and password) is written last: only a first start that
     * completed is used again.
     */
    private static Map<String, String> firstStart(EmbeddedHome home) throws IOException {
        Map<String, PostgresServer> servers = new LinkedHashMap<>();
        for (String name : SERVERS) {
            servers.put(name, running(EmbeddedServers.startDurable(home.serverDirectory(name))));
        }
        PostgresServer controlServer = servers.get("control");
        controlServer.execute("postgres", "CREATE DATABASE planetary");
        PostgresServer targetServer = servers.get("target");
        targetServer.execute("postgres", "CREATE DATABASE demo");
        DemoTarget.ServiceLogins logins = DemoTarget.newServiceLogins();
        DemoTarget.install(targetServer, "demo", logins);

        Map<String, String> properties = new TreeMap<>();
        properties.put("spring.datasource.url", controlServer.jdbcUrl("planetary"));
        properties.put("spring.datasource.username", controlServer.superuser());
        properties.put("spring.datasource.password", controlServer.superuserPassword());
        properties.put("planetary.target.url", targetServer.jdbcUrl("demo"));
        properties.put("planetary.target.ddl.username", logins.ddlUser());
        properties.put("planetary.target.ddl.password", logins.ddlPassword());
        properties.put("planetary.target.metadata.username", logins.metadataUser());
        properties.put("planetary.target.metadata.password", logins.metadataPassword());
        properties.put("planetary.target.name", "Demo");
        properties.put("planetary.target.environment", "dev");
        properties.putAll(stagingTarget(servers.get("staging")));
        properties.putAll(prepareAudit(servers.get("audit")));

        Map<String, String> state = new TreeMap<>(properties);
        servers.forEach((name, server) -> {
            state.put(SERVER + name + ".port", String.valueOf(server.port()));
            state.put(SERVER + name + ".password", server.superuserPassword());
        });
        home.writeState(state);
        return properties;
    }

    /** Starts the servers again on the data, ports and passwords of the first start; nothing is loaded. */
    private static Map<String, String> startAgain(EmbeddedHome home) throws IOException {
        Map<String, String> state = home.readState();
        for (String name : SERVERS) {
            int port = Integer.parseInt(state.get(SERVER + name + ".port"));
            requireFree(port, name, home);
            running(EmbeddedServers.startAgain(new PostgresServer("localhost", port, "postgres",
                    state.get(SERVER + name + ".password")), home.serverDirectory(name), true));
        }
        Map<String, String> properties = new TreeMap<>(state);
        properties.keySet().removeIf(key -> key.startsWith(SERVER));
        return properties;
    }

    /** Targets and registrations name the servers by port, so a server comes back on its own or not at all. */
    private static void requireFree(int port, String name, EmbeddedHome home) throws IOException {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // free: PostgreSQL can listen there
        } catch (IOException e) {
            throw new IOException("port " + port + ", where the embedded " + name + " server listened before, is in use by"
                    + " another program: free it, or start afresh (" + EmbeddedHome.FRESH + "=true) or in another"
                    + " directory (" + EmbeddedHome.DATA_DIR + ")", e);
        }
    }

    private static PostgresServer running(EmbeddedServers.Started started) {
        synchronized (RUNNING) {
            RUNNING.add(started);
        }
        return started.server();
    }

    /**
     * A second demo target on a server of its own, in the staging environment: where changes are
     * promoted to. Beside it, a third demo database that is not configured, with its logins as named
     * credentials ({@code demo-meta}, {@code demo-ddl}), for trying a registration at run time.
     */
    private static Map<String, String> stagingTarget(PostgresServer server) {
        server.execute("postgres", "CREATE DATABASE demo", "CREATE DATABASE " + REGISTRABLE_DATABASE);
        DemoTarget.ServiceLogins logins = DemoTarget.newServiceLogins();
        DemoTarget.install(server, "demo", logins);
        DemoTarget.install(server, REGISTRABLE_DATABASE, logins);
        Map<String, String> properties = new HashMap<>();
        properties.put(REGISTRABLE_URL, server.jdbcUrl(REGISTRABLE_DATABASE));
        properties.put("planetary.credentials.demo-meta.username", logins.metadataUser());
        properties.put("planetary.credentials.demo-meta.password", logins.metadataPassword());
        properties.put("planetary.credentials.demo-ddl.username", logins.ddlUser());
        properties.put("planetary.credentials.demo-ddl.password", logins.ddlPassword());
        properties.put("planetary.targets.staging.url", server.jdbcUrl("demo"));
        properties.put("planetary.targets.staging.name", "Demo staging");
        properties.put("planetary.targets.staging.environment", "staging");
        properties.put("planetary.targets.staging.ddl.username", logins.ddlUser());
        properties.put("planetary.targets.staging.ddl.password", logins.ddlPassword());
        properties.put("planetary.targets.staging.metadata.username", logins.metadataUser());
        properties.put("planetary.targets.staging.metadata.password", logins.metadataPassword());
        return properties;
    }

    /**
     * The audit server is a server of its own, as in production; the demo prepares it at start
     * (elsewhere an operator does, once, from the API).
     */
    private static Map<String, String> prepareAudit(PostgresServer server) {
        String ownerPassword = EmbeddedServers.randomPassword();
        server.execute("postgres", "CREATE ROLE audit_owner LOGIN CREATEROLE PASSWORD '" + ownerPassword + "'",
                "GRANT CREATE ON DATABASE postgres TO audit_owner");
        AuditProperties audit = new AuditProperties(server.jdbcUrl("postgres"),
                new AuditProperties.Credentials("audit_owner", ownerPassword),
                new AuditProperties.Credentials("planetary_audit_writer", EmbeddedServers.randomPassword()));
        try (AuditServer connections = new AuditServer(audit)) {
            new AuditPreparation(connections).run();
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("planetary.audit.url", audit.url());
        properties.put("planetary.audit.owner.username", audit.owner().username());
        properties.put("planetary.audit.owner.password", audit.owner().password());
        properties.put("planetary.audit.writer.username", audit.writer().username());
        properties.put("planetary.audit.writer.password", audit.writer().password());
        // The connect-audit change refers to this credential by name; the executor reads it when it runs.
        properties.put("planetary.credentials.audit-writer.password", audit.writer().password());
        return properties;
    }

    private static void stopAll() {
        synchronized (RUNNING) {
            for (AutoCloseable running : Stream.concat(RUNNING.stream(), HOME.stream()).toList()) {
                try {
                    running.close();
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }
            RUNNING.clear();
            HOME.clear();
        }
    }

    @Override
    public int getOrder() {
        // After application.yml and the environment are read, so that a configured database wins.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
