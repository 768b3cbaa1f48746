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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kills the application (SIGKILL) at a random moment, again and again, while clients propose and
 * approve changes (with Idempotency-Keys, retrying what got no answer, as a careful client does):
 * GRANTs, and one in five an index built CONCURRENTLY on a million rows (a non-transactional step a
 * kill often interrupts). Then it lets the application settle and checks what Planetary promises: every
 * change in a state it rests in (no dry-run pending, nothing approved or applying), none applied twice
 * (the target's ledger against the applied events), every acknowledged request in the event store, every
 * applied index valid and no INVALID one left, and the review queue equal to a rebuild from the event
 * store. The application is the shipped jar on its durable embedded default,
 * kept in one data directory across the kills. Run by hand: see bench/README.md.
 */
public final class CrashLoop {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "REFERENCES", "TRIGGER");

    private final Path jar;
    private final Path data;
    private final Path log;
    private int port;
    private Process app;
    /** Changes whose proposal was acknowledged (201), and approvals acknowledged (200). */
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> approved = ConcurrentHashMap.newKeySet();
    /** Requests that had no answer when their round ended: sent again, with their key, after the restart. */
    private final Queue<Request> unanswered = new ConcurrentLinkedQueue<>();
    /** The names of the indexes proposed (some may have been refused or failed). */
    private final Set<String> indexes = ConcurrentHashMap.newKeySet();

    private record Request(String login, String path, String body, String key) {
    }

    private CrashLoop(Path jar, Path data, Path log) {
        this.jar = jar;
        this.data = data;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Verdict verdict = run(Integer.getInteger("kills", 50), Integer.getInteger("clients", 4), Long.getLong("seed", 7),
                Duration.ofMillis(Long.getLong("round", 8_000)));
        System.out.println(verdict);
        if (!verdict.holds()) {
            System.exit(1);
        }
    }

    /**
     * The loop: {@code kills} rounds of {@code clients} clients, each round ended by a SIGKILL at a
     * random moment between a quarter of {@code round} and {@code round}; then settles and checks.
     */
    public static Verdict run(int kills, int clients, long seed, Duration round) throws Exception {
        Random random = new Random(seed);
        Path data = Files.createTempDirectory("planetary-crash-loop-");
        CrashLoop loop = new CrashLoop(ShippedJar.find(), data, data.resolveSibling(data.getFileName() + ".log"));
        System.out.printf("data %s, log %s%n", data, loop.log);
        loop.start(true);
        loop.createBigTable();
        long started = System.nanoTime();
        try {
            for (int kill = 1; kill <= kills; kill++) {
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService drivers = Executors.newFixedThreadPool(clients);
                for (int c = 0; c < clients; c++) {
                    drivers.submit(() -> loop.drive(running));
                }
                long millis = round.toMillis();
                Thread.sleep(millis / 4 + random.nextInt((int) (millis - millis / 4)));
                loop.app.destroyForcibly();
                loop.app.waitFor(30, TimeUnit.SECONDS);
                running.set(false);
                drivers.shutdown();
                drivers.awaitTermination(2, TimeUnit.MINUTES);
                long restarting = System.nanoTime();
                loop.start(false);
                System.out.printf("kill %d: %d changes acknowledged so far (%d index builds); started again in %.1f s%n", kill,
                        loop.acknowledged.size(), loop.indexes.size(), (System.nanoTime() - restarting) / 1e9);
            }
            loop.answerTheRest();
            Verdict verdict = loop.settleAndCheck();
            System.out.printf("%d kills in %.0f s%n", kills, (System.nanoTime() - started) / 1e9);
            return verdict;
        } finally {
            loop.app.destroy();
            loop.app.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** What the loop checked after settling. */
    public record Verdict(long changesStored, long proposalsAnswered, Map<String, Long> unsettled, long proposalsLost,
                          long approvalsAnswered, long approvalsLost, long appliedEvents, long ledgerRows, long appliedTwice,
                          long indexBuildsApplied, long validIndexes, long invalidIndexes, Map<String, Long> indexBuilds,
                          boolean queueEqualsRebuild) {

        /** Nothing stored twice or lost, nothing unsettled or applied twice, no INVALID index, the queue as rebuilt. */
        public boolean holds() {
            return changesStored == proposalsAnswered && unsettled.isEmpty() && proposalsLost == 0 && approvalsLost == 0
                    && appliedEvents == ledgerRows && appliedTwice == 0 && invalidIndexes == 0
                    && indexBuildsApplied == validIndexes && queueEqualsRebuild;
        }

        @Override
        public String toString() {
            return ("settled: %d changes stored, %d proposals answered (%d stored twice by a retry); unsettled %s; %d lost;"
                    + " %d approvals answered, %d lost; %d applied events, %d ledger rows, %d changes applied twice;"
                    + " %d index builds applied, %d valid indexes, %d INVALID (index builds by state: %s); review queue equal to a rebuild: %s -> %s").formatted(
                    changesStored, proposalsAnswered, changesStored - proposalsAnswered, unsettled, proposalsLost, approvalsAnswered,
                    approvalsLost, appliedEvents, ledgerRows, appliedTwice, indexBuildsApplied, validIndexes, invalidIndexes,
                    indexBuilds, queueEqualsRebuild, holds() ? "ALL HOLD" : "FAILED");
        }
    }

    /**
     * A table big enough that building an index CONCURRENTLY on it takes a second or two: a kill often
     * lands in the middle of that non-transactional step. Created as the demo's DDL login, which owns
     * the demo schema.
     */
    private void createBigTable() throws Exception {
        try (Connection connection = connect("target"); Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE planetary_ddl");
            statement.execute("CREATE TABLE app.crash_reading AS SELECT g AS id, (g % 7919)::int AS sensor, md5(g::text) AS payload"
                    + " FROM generate_series(1, 1000000) g");
        }
    }

    /**
     * One client: first sends again what had no answer before the kill (same key), then proposes and
     * approves new changes.
     */
    private void drive(AtomicBoolean running) {
        Random random = new Random();
        while (running.get()) {
            Request request = unanswered.poll();
            if (request == null && random.nextInt(5) == 0) {
                request = indexBuild(random);
            }
            if (request == null) {
                request = new Request("alice", "/api/changes", """
                        {"spec": {"kind": "table-privilege", "action": "GRANT", "privileges": ["%s"],
                         "table": {"schema": "app", "name": "%s"}, "grantee": "karen"}}""".formatted(
                        PRIVILEGES.get(random.nextInt(PRIVILEGES.size())), random.nextBoolean() ? "customer" : "invoice"),
                        UUID.randomUUID().toString());
            }
            JsonNode answer = untilAnswered(running, request);
            if (answer == null) {
                continue;
            }
            String id = answer.path("id").asText();
            if (request.path().endsWith("/approvals")) {
                approved.add(id);
            } else {
                acknowledged.add(id);
                // An index's rehearsal may outlast the answer's wait for the dry-run: follow it up.
                if ("PASSED".equals(answer.path("dryRunStatus").asText()) || "PASSED".equals(dryRunOutcome(running, id))) {
                    untilAnswered(running, new Request("bob", "/api/changes/" + id + "/approvals", "{\"revision\": 1}",
                            UUID.randomUUID().toString()));
                }
            }
        }
    }

    /** The change's dry-run status once it is no longer pending (null when the round ends first). */
    private String dryRunOutcome(AtomicBoolean running, String id) {
        while (running.get()) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/changes/" + id))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", basic("alice")).build(), HttpResponse.BodyHandlers.ofString());
                String status = response.statusCode() == 200 ? JSON.readTree(response.body()).path("dryRunStatus").asText() : "PENDING";
                if (!status.equals("PENDING")) {
                    return status;
                }
            } catch (IOException e) {
                // the application is down: the round is about to end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            sleep(250);
        }
        return null;
    }

    /** A CREATE INDEX CONCURRENTLY on the big table, a long non-transactional step. */
    private Request indexBuild(Random random) {
        String name = "crash_idx_" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        indexes.add(name);
        return new Request("alice", "/api/changes", """
                {"spec": {"kind": "create-index", "table": {"schema": "app", "name": "crash_reading"}, "name": "%s",
                 "keys": [{"column": "%s"}]}}""".formatted(name, random.nextBoolean() ? "payload" : "sensor"), UUID.randomUUID().toString());
    }

    /**
     * The answer to a POST, sent again with the same key until one comes; null when refused for a
     * reason of its own, or when the round ends first (the request then waits for the next round).
     */
    private JsonNode untilAnswered(AtomicBoolean running, Request request) {
        while (running.get()) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Idempotency-Key", request.key())
                        .header("Authorization", basic(request.login())).POST(HttpRequest.BodyPublishers.ofString(request.body())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 300) {
                    JsonNode answer = JSON.readTree(response.body());
                    if (request.path().endsWith("/approvals")) {
                        approved.add(answer.path("id").asText());
                    }
                    return answer;
                }
                String code = response.statusCode() >= 400 && response.statusCode() < 500
                        ? JSON.readTree(response.body()).path("code").asText() : "";
                if (response.statusCode() < 500 && !code.equals("idempotency_key_in_flight") && !code.equals("concurrent_update")) {
                    return null; // refused for a reason of its own (the change moved on): not retried
                }
            } catch (IOException e) {
                // no answer: the application is down; try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(250);
        }
        unanswered.add(request);
        return null;
    }

    /** After the last kill: every request that had no answer is sent again until it has one. */
    private void answerTheRest() {
        AtomicBoolean running = new AtomicBoolean(true);
        int waiting = unanswered.size();
        Request request;
        while ((request = unanswered.poll()) != null) {
            JsonNode answer = untilAnswered(running, request);
            if (answer != null && request.path().equals("/api/changes")) {
                acknowledged.add(answer.path("id").asText());
            }
        }
        System.out.printf("%d requests without an answer at a kill were sent again with their keys%n", waiting);
    }

    private Verdict settleAndCheck() throws Exception {
        // Let dry-runs and applies resume and the projections catch up.
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Map<String, Long> unsettled;
        do {
            sleep(2_000);
            unsettled = count("control", "SELECT status || '/' || dry_run_status, count(*) FROM change_summary"
                    + " WHERE status IN ('APPROVED', 'APPLYING') OR dry_run_status = 'PENDING' GROUP BY 1");
        } while (!unsettled.isEmpty() && System.nanoTime() < deadline);
        long changes = single("control", "SELECT count(*) FROM change_summary");
        long appliedEvents = single("control", "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ChangeAppliedEvent'");
        long ledger = single("target", "SELECT count(*) FROM planetary.applied_change");
        long twice = single("target", "SELECT count(*) FROM (SELECT change_id FROM planetary.applied_change GROUP BY 1 HAVING count(*) > 1) t");
        long lost = 0;
        for (String id : acknowledged) {
            if (single("control", "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id + "'") == 0) {
                lost++;
            }
        }
        long approvalsLost = 0;
        for (String id : approved) {
            if (single("control", "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id
                    + "' AND payload_type LIKE '%ApprovalGivenEvent'") == 0) {
                approvalsLost++;
            }
        }
        List<String> before = rows("SELECT change_id, status, dry_run_status, revision, version FROM change_summary ORDER BY 1");
        post("bob", "/api/operations/projections/changes/rebuild");
        long rebuildDeadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!caughtUp("changes") && System.nanoTime() < rebuildDeadline) {
            sleep(200);
        }
        boolean sameAfterRebuild = rows("SELECT change_id, status, dry_run_status, revision, version FROM change_summary ORDER BY 1")
                .equals(before);
        long indexBuildsApplied = single("control", "SELECT count(*) FROM change_summary WHERE kind = 'create-index' AND status = 'APPLIED'");
        long validIndexes = single("target", "SELECT count(*) FROM pg_index WHERE indrelid = 'app.crash_reading'::regclass AND indisvalid");
        long invalidIndexes = single("target", "SELECT count(*) FROM pg_index WHERE indrelid = 'app.crash_reading'::regclass"
                + " AND NOT indisvalid");
        Map<String, Long> indexBuilds = count("control", "SELECT status || '/' || dry_run_status, count(*) FROM change_summary"
                + " WHERE kind = 'create-index' GROUP BY 1");
        return new Verdict(changes, acknowledged.size(), unsettled, lost, approved.size(), approvalsLost, appliedEvents, ledger, twice,
                indexBuildsApplied, validIndexes, invalidIndexes, indexBuilds, sameAfterRebuild);
    }

    private void start(boolean fresh) throws Exception {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--server.port=" + port, "--planetary.embedded.data-dir=" + data,
                    "--planetary.embedded.fresh=" + fresh));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            app = builder.start();
            if (healthy(Duration.ofMinutes(3))) {
                return;
            }
            if (attempt == 3) {
                throw new IllegalStateException("the application did not start; see " + log);
            }
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private boolean healthy(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    private boolean caughtUp(String projection) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/operations/projections"))
                .header("Authorization", basic("bob")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode each : JSON.readTree(response.body()).path("projections")) {
            if (each.path("name").asText().equals(projection)) {
                return each.path("caughtUp").asBoolean();
            }
        }
        return false;
    }

    private void post(String login, String path) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
                .header("Authorization", basic(login)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** A connection to one of the embedded servers, with what the embedded default keeps in its state file. */
    private Connection connect(String server) throws IOException, SQLException {
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(data.resolve("planetary-embedded.properties"))) {
            state.load(reader);
        }
        String database = server.equals("control") ? "planetary" : "demo";
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + state.getProperty("server." + server + ".port") + "/"
                + database, "postgres", state.getProperty("server." + server + ".password"));
    }

    private long single(String server, String sql) throws Exception {
        try (Connection connection = connect(server); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private Map<String, Long> count(String server, String sql) throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection connection = connect(server); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect("control"); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(result.getString(c)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":demo-" + login).getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
