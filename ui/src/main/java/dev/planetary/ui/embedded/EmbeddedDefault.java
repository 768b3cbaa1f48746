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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * With no control-plane database configured, Planetary starts its own: embedded PostgreSQL 15
 * servers for the control plane, two demo target databases (dev, and staging to promote changes to
 * and compare with) and the audit server, wired in before any bean is made.
 * The data lives in a temporary directory and is gone when the application stops: this is the
 * try-it-now mode, not a deployment.
 */
public class EmbeddedDefault implements EnvironmentPostProcessor, Ordered {

    public static final String ENABLED = "planetary.embedded.enabled";
    /** Where the demo database waiting to be registered is (printed at start). */
    public static final String REGISTRABLE_URL = "planetary.embedded.registrable-url";
    private static final String REGISTRABLE_DATABASE = "demo_eu";
    private static final List<EmbeddedServers.Started> RUNNING = new ArrayList<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty(ENABLED, Boolean.class, true)
                || environment.getPropertySources().contains("planetary-embedded")) {
            return;
        }
        try {
            Path base = Files.createTempDirectory("planetary-embedded-");
            EmbeddedServers.Started control = EmbeddedServers.start(base.resolve("control"));
            EmbeddedServers.Started target = EmbeddedServers.start(base.resolve("target"));
            EmbeddedServers.Started staging = EmbeddedServers.start(base.resolve("staging"));
            EmbeddedServers.Started audit = EmbeddedServers.start(base.resolve("audit"));
            synchronized (RUNNING) {
                RUNNING.add(control);
                RUNNING.add(target);
                RUNNING.add(staging);
                RUNNING.add(audit);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDefault::stopAll, "planetary-embedded-stop"));

            PostgresServer controlServer = control.server();
            controlServer.execute("postgres", "CREATE DATABASE planetary");
            PostgresServer targetServer = target.server();
            targetServer.execute("postgres", "CREATE DATABASE demo");
            DemoTarget.ServiceLogins logins = DemoTarget.newServiceLogins();
            DemoTarget.install(targetServer, "demo", logins);

            Map<String, Object> properties = new HashMap<>();
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
            properties.putAll(stagingTarget(staging.server()));
            properties.putAll(prepareAudit(audit.server()));
            properties.put("planetary.embedded.running", "true");
            environment.getPropertySources().addFirst(new MapPropertySource("planetary-embedded", properties));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL servers", e);
        }
    }

    /**
     * A second demo target on a server of its own, in the staging environment: where changes are
     * promoted to. Beside it, a third demo database that is not configured, with its logins as named
     * credentials ({@code demo-meta}, {@code demo-ddl}), for trying a registration at run time.
     */
    private static Map<String, Object> stagingTarget(PostgresServer server) {
        server.execute("postgres", "CREATE DATABASE demo", "CREATE DATABASE " + REGISTRABLE_DATABASE);
        DemoTarget.ServiceLogins logins = DemoTarget.newServiceLogins();
        DemoTarget.install(server, "demo", logins);
        DemoTarget.install(server, REGISTRABLE_DATABASE, logins);
        Map<String, Object> properties = new HashMap<>();
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
    private static Map<String, Object> prepareAudit(PostgresServer server) {
        String ownerPassword = EmbeddedServers.randomPassword();
        server.execute("postgres", "CREATE ROLE audit_owner LOGIN CREATEROLE PASSWORD '" + ownerPassword + "'",
                "GRANT CREATE ON DATABASE postgres TO audit_owner");
        AuditProperties audit = new AuditProperties(server.jdbcUrl("postgres"),
                new AuditProperties.Credentials("audit_owner", ownerPassword),
                new AuditProperties.Credentials("planetary_audit_writer", EmbeddedServers.randomPassword()));
        try (AuditServer connections = new AuditServer(audit)) {
            new AuditPreparation(connections).run();
        }
        Map<String, Object> properties = new HashMap<>();
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
            for (EmbeddedServers.Started started : RUNNING) {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }
            RUNNING.clear();
        }
    }

    @Override
    public int getOrder() {
        // After application.yml and the environment are read, so that a configured database wins.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
