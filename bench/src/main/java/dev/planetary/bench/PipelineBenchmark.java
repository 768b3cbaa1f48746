package dev.planetary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The change pipeline end to end, on the application as it ships: the ui module's jar started on its
 * embedded default (durable: fsync on) in a fresh data directory, driven over HTTP as a client would,
 * with Basic credentials and an Idempotency-Key on every POST. Measures, in this order:
 * <ol>
 *   <li>resident memory after start;</li>
 *   <li>approve-to-applied latency of one GRANT, one change at a time: on the server's clock (the
 *       approval's and the apply's events) and as a client polling every 5 ms sees it;</li>
 *   <li>sustained changes per second, each proposed (answered after its dry-run), approved, applied
 *       and visible as APPLIED in the read model, from several clients at once; resident memory under it;</li>
 *   <li>a rebuild of the change projections from the event store, by the operator endpoint.</li>
 * </ol>
 * Build the jar first ({@code mvn -q install -DskipTests}); see bench/README.md for the command.
 */
public final class PipelineBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> TABLES = List.of("customer", "invoice");
    private static final List<String> GRANTEES = List.of("karen", "app_reader", "app_writer");
    private static final List<String> PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "REFERENCES", "TRIGGER");

    /**
     * How often a client of the sustained run asks whether its change is applied: every poll is a
     * request the application serves, so polling fast measures the polling (-Dpoll, milliseconds).
     */
    private static final long POLL_MILLIS = Long.getLong("poll", 100);

    private final String base;
    private final AtomicLong sequence = new AtomicLong();

    private PipelineBenchmark(int port) {
        this.base = "http://localhost:" + port;
    }

    public static void main(String[] args) throws Exception {
        int latencyChanges = Integer.getInteger("changes", 200);
        int clients = Integer.getInteger("clients", 8);
        Duration sustained = Duration.ofSeconds(Long.getLong("seconds", 60));
        Path jar = ShippedJar.find();
        Path data = Files.createTempDirectory("planetary-pipeline-bench-");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        String jvm = System.getProperty("jvm", "");
        System.out.printf("starting %s (JVM options: %s), log %s%n", jar, jvm.isBlank() ? "defaults" : jvm, log);
        Process app = null;
        PipelineBenchmark bench = null;
        long starting = System.nanoTime();
        // The port is probed free, but the embedded servers the application starts first may take it: try another.
        for (int attempt = 1; bench == null; attempt++) {
            int port = freePort();
            app = start(jar, jvm, port, data, log);
            try {
                new PipelineBenchmark(port).awaitHealthy(app, Duration.ofMinutes(4));
                bench = new PipelineBenchmark(port);
            } catch (IllegalStateException e) {
                if (attempt == 3 || !Files.readString(log).contains("already in use")) {
                    throw e;
                }
            }
        }
        try {
            System.out.printf("healthy after %.1f s (first start: four PostgreSQL servers made, the demo loaded)%n",
                    (System.nanoTime() - starting) / 1e9);
            Thread.sleep(5_000);
            System.out.printf("resident memory after start: %d MB%n", residentMegabytes(app.pid()));

            for (int i = 0; i < 20; i++) {
                bench.oneChange(5); // warm-up: JIT, pools, caches
            }
            bench.latency(latencyChanges);
            bench.sustained(app, clients, sustained);
            bench.rebuild();
            long grow = Long.getLong("rebuildEvents", 0);
            if (grow > 0) {
                // The event store grown to the goal's size while the application is stopped (the sequence is
                // Planetary's). Killed, so that its database servers stay up for this; the next start stops and
                // starts them again, as after a crash.
                app.destroyForcibly();
                app.waitFor(60, TimeUnit.SECONDS);
                growEventStore(data, grow);
                int port = freePort();
                app = start(jar, jvm, port, data, log, false);
                bench = new PipelineBenchmark(port);
                bench.awaitHealthy(app, Duration.ofMinutes(4));
                bench.awaitCaughtUp(Duration.ofMinutes(10));
                bench.rebuild();
            }
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static Process start(Path jar, String jvm, int port, Path data, Path log) throws IOException {
        return start(jar, jvm, port, data, log, true);
    }

    private static Process start(Path jar, String jvm, int port, Path data, Path log, boolean fresh) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!jvm.isBlank()) {
            command.addAll(List.of(jvm.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--planetary.embedded.data-dir=" + data,
                "--planetary.embedded.fresh=" + fresh));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return builder.start();
    }

    private void latency(int changes) throws Exception {
        List<Double> server = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            Applied applied = oneChange(5);
            client.add(applied.clientMillis());
            server.add(serverMillis(applied.id()));
        }
        System.out.printf("approve-to-applied, %d GRANTs one at a time: server clock p50 %.1f ms p99 %.1f ms;"
                        + " client polling every 5 ms p50 %.1f ms p99 %.1f ms%n", changes,
                percentile(server, 50), percentile(server, 99), percentile(client, 50), percentile(client, 99));
    }

    private void sustained(Process app, int clients, Duration duration) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long maxRss = 0;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        oneChange(POLL_MILLIS);
                        done.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.out.println("a change did not go through: " + e);
                        }
                    }
                }
                return null;
            }));
        }
        while (System.nanoTime() < end) {
            maxRss = Math.max(maxRss, residentMegabytes(app.pid()));
            Thread.sleep(1_000);
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("sustained, %d clients for %.0f s: %d changes proposed, dry-run, approved, applied and projected"
                        + " (%.1f per second), %d failed; resident memory at most %d MB, %d MB after%n",
                clients, seconds, done.get(), done.get() / seconds, failed.get(), maxRss, residentMegabytes(app.pid()));
    }

    /** The operator rebuilds the change projections from the event store; timed until both are caught up. */
    /**
     * Copies the change requests' events, each copy a new change (its id replaced in the payload and
     * metadata), until the event store holds {@code events}: a store of that size without driving
     * hours of changes through the API. The application is stopped meanwhile.
     */
    private static void growEventStore(Path data, long events) throws Exception {
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(data.resolve("planetary-embedded.properties"))) {
            state.load(reader);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + state.getProperty("server.control.port")
                + "/planetary", "postgres", state.getProperty("server.control.password"));
             Statement statement = connection.createStatement()) {
            long now = count(statement, "SELECT count(*) FROM domain_event_entry");
            long changeEvents = count(statement, "SELECT count(*) FROM domain_event_entry WHERE type = 'ChangeRequest'");
            long copies = Math.max(0, (events - now + changeEvents - 1) / changeEvents);
            long started = System.nanoTime();
            statement.execute("""
                    INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision, payload_type,
                                                    time_stamp, aggregate_identifier, sequence_number, type)
                    SELECT top.last + row_number() OVER (ORDER BY copy.n, e.global_index), gen_random_uuid()::text,
                           convert_to(replace(convert_from(e.meta_data, 'UTF8'), e.aggregate_identifier, ids.id), 'UTF8'),
                           convert_to(replace(convert_from(e.payload, 'UTF8'), e.aggregate_identifier, ids.id), 'UTF8'),
                           e.payload_revision, e.payload_type, e.time_stamp, ids.id, e.sequence_number, e.type
                    FROM domain_event_entry e
                    CROSS JOIN generate_series(1, %d) AS copy(n)
                    CROSS JOIN (SELECT max(global_index) AS last FROM domain_event_entry) AS top
                    CROSS JOIN LATERAL (SELECT md5(e.aggregate_identifier || '/' || copy.n)::uuid::text AS id) AS ids
                    WHERE e.type = 'ChangeRequest'""".formatted(copies));
            statement.execute("SELECT setval('domain_event_entry_seq', (SELECT max(global_index) + 50 FROM domain_event_entry))");
            System.out.printf("event store grown from %d to %d events (%d copies of %d change events) in %.1f s%n", now,
                    count(statement, "SELECT count(*) FROM domain_event_entry"), copies, changeEvents, (System.nanoTime() - started) / 1e9);
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Until every projection has caught up with the event store (after a start on a grown store). */
    private void awaitCaughtUp(Duration atMost) throws Exception {
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = send("bob", HttpRequest.newBuilder(uri("/api/operations/projections")).GET());
            boolean caughtUp = true;
            for (JsonNode projection : status.path("projections")) {
                caughtUp &= projection.path("caughtUp").asBoolean();
            }
            if (caughtUp) {
                System.out.printf("caught up with the grown store after %.1f s%n", (System.nanoTime() - started) / 1e9);
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the projections did not catch up within " + atMost);
    }

    private void rebuild() throws Exception {
        JsonNode before = send("bob", HttpRequest.newBuilder(uri("/api/operations/projections")).GET());
        long events = before.path("events").asLong();
        long started = System.nanoTime();
        for (String projection : List.of("changes", "history")) {
            post("bob", "/api/operations/projections/" + projection + "/rebuild", "{}");
        }
        while (true) {
            JsonNode status = send("bob", HttpRequest.newBuilder(uri("/api/operations/projections")).GET());
            boolean caughtUp = true;
            for (JsonNode projection : status.path("projections")) {
                if (List.of("changes", "history").contains(projection.path("name").asText()) && !projection.path("caughtUp").asBoolean()) {
                    caughtUp = false;
                }
            }
            if (caughtUp) {
                break;
            }
            Thread.sleep(100);
        }
        System.out.printf("rebuild of the review queue and the timeline from %d events: %.1f s%n", events,
                (System.nanoTime() - started) / 1e9);
    }

    private record Applied(String id, double clientMillis) {
    }

    /** Proposes a GRANT as alice, approves it as bob, and waits (polling) until the read model shows it applied. */
    private Applied oneChange(long pollMillis) throws Exception {
        long n = sequence.incrementAndGet();
        String spec = """
                {"spec": {"kind": "table-privilege", "action": "GRANT", "privileges": ["%s"],
                 "table": {"schema": "app", "name": "%s"}, "grantee": "%s"}}""".formatted(
                PRIVILEGES.get((int) (n % PRIVILEGES.size())), TABLES.get((int) (n / PRIVILEGES.size() % TABLES.size())),
                GRANTEES.get((int) (n / PRIVILEGES.size() / TABLES.size() % GRANTEES.size())));
        JsonNode proposed = post("alice", "/api/changes", spec);
        String id = proposed.path("id").asText();
        if (!"PASSED".equals(proposed.path("dryRunStatus").asText())) {
            throw new AssertionError("dry-run did not pass: " + proposed);
        }
        long approving = System.nanoTime();
        post("bob", "/api/changes/" + id + "/approvals", "{\"revision\": 1}");
        while (true) {
            String status = send("victor", HttpRequest.newBuilder(uri("/api/changes/" + id)).GET()).path("status").asText();
            if ("APPLIED".equals(status)) {
                return new Applied(id, (System.nanoTime() - approving) / 1e6);
            }
            if ("FAILED".equals(status)) {
                throw new AssertionError("change " + id + " failed");
            }
            Thread.sleep(pollMillis);
        }
    }

    /** From the approval that completed the review to the outcome, on the server's clock (the events' times). */
    private double serverMillis(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Instant approved = null;
            Instant applied = null;
            // the timeline is a projection of its own, a moment behind the change's
            for (JsonNode event : send("victor", HttpRequest.newBuilder(uri("/api/changes/" + id + "/history")).GET())) {
                String name = event.path("event").asText();
                if (name.equals("approved")) {
                    approved = Instant.parse(event.path("at").asText());
                } else if (name.equals("applied")) {
                    applied = Instant.parse(event.path("at").asText());
                }
            }
            if (approved != null && applied != null) {
                return Duration.between(approved, applied).toNanos() / 1e6;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("change " + id + " has no approved or applied event in its timeline");
            }
            Thread.sleep(20);
        }
    }

    private JsonNode post(String login, String path, String body) throws Exception {
        return send(login, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(String login, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofMinutes(2)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((login + ":demo-" + login).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private void awaitHealthy(Process app, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application exited while starting");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not become healthy within " + atMost);
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** VmRSS of a process, from /proc (Linux). */
    private static long residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
