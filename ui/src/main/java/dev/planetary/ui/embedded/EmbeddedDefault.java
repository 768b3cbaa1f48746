package dev.planetary.ui.embedded;

import dev.planetary.testsupport.EmbeddedServers;
import dev.planetary.testsupport.PostgresServer;
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
 * servers for the control plane and for a demo target database, wired in before any bean is made.
 * The data lives in a temporary directory and is gone when the application stops: this is the
 * try-it-now mode, not a deployment.
 */
public class EmbeddedDefault implements EnvironmentPostProcessor, Ordered {

    public static final String ENABLED = "planetary.embedded.enabled";
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
            synchronized (RUNNING) {
                RUNNING.add(control);
                RUNNING.add(target);
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
            properties.put("planetary.embedded.running", "true");
            environment.getPropertySources().addFirst(new MapPropertySource("planetary-embedded", properties));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL servers", e);
        }
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
