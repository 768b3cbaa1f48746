package dev.planetary.ui.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** A REST client for the tests: real HTTP, Basic credentials, JSON in and out. */
public final class Api {

    public record Response(int status, JsonNode body) {
        public String code() {
            return body.path("code").asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** A value as a JSON string literal (quotes and backslashes escaped). */
    public String json(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Where the application answers: {@code http://localhost:<port>}. */
    public String base() {
        return base;
    }

    public static String password(String login) {
        return "demo-" + login;
    }

    public Response get(String login, String path) {
        return send(request(login, path).GET());
    }

    public Response post(String login, String path, String json) {
        return send(request(login, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json)));
    }

    /** A POST with an {@code Idempotency-Key}, as a client that may retry sends it. */
    public Response post(String login, String path, String json, String idempotencyKey) {
        return send(request(login, path).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json)));
    }

    public Response put(String login, String path, String json) {
        return send(request(login, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response getWithPassword(String login, String password, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(login, password)).GET());
    }

    public Response getAnonymous(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET());
    }

    /** Proposes a change and returns the created change. */
    public JsonNode propose(String login, String specJson) {
        Response response = post(login, "/api/changes", "{\"spec\":" + specJson + "}");
        if (response.status() != 201) {
            throw new AssertionError("proposal refused: " + response);
        }
        return response.body();
    }

    /** A change proposed by {@code requester} on the default target, approved by {@code reviewer} and applied: its id. */
    public String applied(String requester, String reviewer, String specJson) {
        String id = propose(requester, specJson).path("id").asText();
        approve(reviewer, id);
        JsonNode change = awaitStatus(id, "APPLIED");
        if (!"APPLIED".equals(change.path("status").asText())) {
            throw new AssertionError("change " + id + " was not applied: " + change);
        }
        return id;
    }

    public Response approve(String login, String changeId) {
        return post(login, "/api/changes/" + changeId + "/approvals", "{\"comment\":\"reviewed by " + login + "\"}");
    }

    /** Polls the change until {@code until} holds (the apply runs asynchronously), at most 20 s. */
    public JsonNode await(String changeId, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode change = get("victor", "/api/changes/" + changeId).body();
        while (!until.test(change) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            change = get("victor", "/api/changes/" + changeId).body();
        }
        return change;
    }

    public JsonNode awaitStatus(String changeId, String status) {
        return await(changeId, change -> status.equals(change.path("status").asText()));
    }

    private HttpRequest.Builder request(String login, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(login, password(login)));
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
