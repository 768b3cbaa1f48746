package dev.planetary.ui.support;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Planetary in a JVM of its own, on the test JVM's classpath, wired to a {@link TestStack} by
 * command-line properties: a process that can be killed for real, unlike the test's Spring context.
 * Its output goes to {@code target/<name>.log}.
 */
public final class ChildApplication implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;

    private ChildApplication(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the application and waits until it answers healthy. Surefire's booter sets
     * {@code java.class.path} to the test classpath it read from its manifest-only jar; were it the
     * jar itself, {@code -cp} with it would work as well, since its manifest lists the classpath.
     */
    public static ChildApplication start(String name, Map<String, Object> properties, int port, Duration startup) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Quick start on a shared 2-core machine: C1 only, one GC thread; nothing here is about JIT speed.
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.planetary.ui.PlanetaryApplication"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--server.port=" + port);
        try {
            Path log = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target")).resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            // as the surefire configuration does for the test JVM
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            ChildApplication child = new ChildApplication(builder.start(), log);
            try {
                child.awaitHealthy(port, startup);
            } catch (RuntimeException | Error e) {
                child.close();
                throw e;
            }
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(int port, Duration startup) {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Awaitility.await("application on port " + port + " healthy (log: " + log + ")")
                .atMost(startup).pollInterval(Duration.ofMillis(500))
                .failFast("the application exited while starting; see " + log, () -> !process.isAlive())
                .until(() -> {
                    try {
                        return HTTP.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                    } catch (IOException e) {
                        return false; // not listening yet
                    }
                });
    }

    /** SIGKILL: no shutdown hook, no {@code @PreDestroy}, sockets closed by the kernel. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the application did not exit after SIGKILL; see " + log);
        }
    }

    /** SIGTERM: the shutdown hooks run, as when someone presses Ctrl-C. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the application did not stop within 60 s of SIGTERM; see " + log);
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
