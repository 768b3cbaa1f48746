package dev.planetary.ui.security;

import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the API against every right, from one table: who may call it (the rest get 403,
 * and nobody signed out gets past 401). The endpoints are read from Spring's own mappings, so one
 * added without a line here fails the test. "May call" means the rights let the request through:
 * with the dummy ids and empty bodies sent here it may still be answered 400, 404 or 409.
 */
class AuthorizationMatrixIT extends PlanetaryIT {

    /** Who holds which right here: one person per right (olga is made below), karen none. */
    private static final Map<String, String> PEOPLE = Map.of(
            "none", "karen", "viewer", "victor", "requester", "alice", "reviewer", "carol", "operator", "olga");

    private static final Set<String> ANY_RIGHT = Set.of("viewer", "requester", "reviewer", "operator");
    private static final Set<String> SIGNED_IN = Set.of("none", "viewer", "requester", "reviewer", "operator");

    /** The table: endpoint → the rights that may call it. */
    private static final Map<String, Set<String>> ALLOWED = new TreeMap<>();

    static {
        for (String read : List.of("GET /api/catalog/snapshot", "GET /api/catalog/schemas", "GET /api/catalog/tables",
                "GET /api/catalog/tables/{schema}/{name}", "GET /api/catalog/relations/{schema}/{name}/dependents",
                "GET /api/catalog/functions/{oid}/dependents", "GET /api/catalog/columns", "GET /api/catalog/constraints",
                "GET /api/catalog/indexes", "GET /api/catalog/views", "GET /api/catalog/dependencies", "GET /api/catalog/functions",
                "GET /api/catalog/triggers", "GET /api/catalog/event-triggers", "GET /api/catalog/policies", "GET /api/catalog/claims",
                "GET /api/catalog/roles", "GET /api/catalog/privileges", "GET /api/catalog/default-privileges", "GET /api/catalog/types",
                "GET /api/catalog/sequences", "GET /api/catalog/extensions", "GET /api/catalog/foreign-data",
                "GET /api/catalog/replication",
                "GET /api/changes", "GET /api/changes/{id}", "GET /api/changes/{id}/promotions", "GET /api/changes/{id}/history",
                "GET /api/history", "GET /api/targets", "GET /api/targets/registrations", "GET /api/targets/registrations/{target}",
                "GET /api/targets/compare", "GET /api/policy-templates",
                "GET /api/health/tables", "GET /api/health/connections", "GET /api/health/cache", "GET /api/health/sessions",
                "GET /api/health/locks", "GET /api/health/queries", "GET /api/health/indexes",
                "GET /api/health/bloat", "GET /api/health/bloat/{schema}/{name}", "GET /api/health/history", "GET /api/health/lints",
                "GET /api/health/indexes/advice", "GET /api/changes/{id}/statements", "GET /api/config", "GET /api/jobs", "GET /api/jobs/runs", "GET /api/replication")) {
            ALLOWED.put(read, ANY_RIGHT);
        }
        ALLOWED.put("GET /api/me", SIGNED_IN);
        ALLOWED.put("PUT /api/me/profile", SIGNED_IN);
        ALLOWED.put("GET /api/kinds", SIGNED_IN);
        // the audit viewer shows row data: operators only
        ALLOWED.put("GET /api/audit/rows", Set.of("operator"));
        ALLOWED.put("GET /api/audit/health", Set.of("operator"));
        ALLOWED.put("POST /api/audit/preparation", Set.of("operator"));
        ALLOWED.put("GET /api/sign-ins", Set.of("viewer", "operator"));
        ALLOWED.put("GET /api/operations/projections", Set.of("viewer", "operator"));
        ALLOWED.put("POST /api/operations/projections/{name}/rebuild", Set.of("operator"));
        for (String proposing : List.of("POST /api/changes", "POST /api/changes/{id}/revisions", "POST /api/changes/{id}/withdrawal",
                "POST /api/changes/{id}/promotions", "POST /api/changes/promotions", "POST /api/changes/alike",
                "POST /api/policy-templates")) {
            ALLOWED.put(proposing, Set.of("requester"));
        }
        ALLOWED.put("POST /api/changes/{id}/approvals", Set.of("reviewer"));
        ALLOWED.put("POST /api/changes/{id}/rejections", Set.of("reviewer"));
        ALLOWED.put("POST /api/changes/{id}/rollout", Set.of("operator"));
        ALLOWED.put("POST /api/health/sessions/{pid}/cancel", Set.of("operator"));
        ALLOWED.put("POST /api/health/acknowledgements", Set.of("reviewer", "operator"));
        ALLOWED.put("POST /api/health/sessions/{pid}/terminate", Set.of("operator"));
        ALLOWED.put("POST /api/jobs/{job}/run", Set.of("operator"));
        ALLOWED.put("POST /api/replication/foreign-servers/{server}/test", Set.of("operator"));
        ALLOWED.put("POST /api/test-runs", Set.of("requester", "reviewer"));
        for (String registering : List.of("POST /api/targets", "POST /api/targets/registrations/{target}/connection-test",
                "POST /api/targets/registrations/{target}/disable")) {
            ALLOWED.put(registering, Set.of("operator"));
        }
        // a registration is reviewed like a change, by a reviewer or an operator who did not ask for it
        ALLOWED.put("POST /api/targets/registrations/{target}/approval", Set.of("reviewer", "operator"));
        ALLOWED.put("POST /api/targets/registrations/{target}/rejection", Set.of("reviewer", "operator"));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @BeforeAll
    static void operatorOnly() {
        STACK.asOwner("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'olga') THEN"
                + " CREATE ROLE olga LOGIN PASSWORD 'demo-olga'; END IF; END $$", "GRANT planetary_operator TO olga");
    }

    @Test
    void every_endpoint_answers_each_right_as_the_table_says() throws Exception {
        Set<String> endpoints = endpoints();
        assertThat(endpoints).as("every endpoint of the API has a line in the table, and every line an endpoint")
                .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());

        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            int anonymous = anonymous(method, path);
            if (anonymous != 401) {
                wrong.add(endpoint + " signed out: " + anonymous);
            }
            for (Map.Entry<String, String> person : new TreeMap<>(PEOPLE).entrySet()) {
                Api.Response answer = call(method, path, person.getValue());
                boolean allowed = ALLOWED.get(endpoint).contains(person.getKey());
                boolean passed = answer.status() != 401 && answer.status() != 403;
                if (allowed != passed) {
                    wrong.add(endpoint + " as " + person.getKey() + " (" + person.getValue() + "): " + answer.status() + " " + answer.body());
                }
            }
        }
        assertThat(wrong).as("answers that differ from the table").isEmpty();
    }

    /** The API's endpoints as "METHOD /path/{variable}", from Spring's mappings. */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method.name() + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    /** Dummy values: an id nobody has, the demo's customer table, a projection that is never rebuilt. */
    private static String concrete(String pattern) {
        return pattern.replace("{id}", "00000000-0000-0000-0000-00000000beef").replace("{schema}", "app")
                .replace("{name}", pattern.contains("projections") ? "dry-runs" : "customer").replace("{oid}", "1").replace("{pid}", "1")
                .replace("{target}", "nowhere").replace("{job}", "nightly")
                .replace("{server}", "nowhere");
    }

    private Api.Response call(String method, String path, String login) {
        return switch (method) {
            case "GET" -> api.get(login, path);
            case "POST" -> api.post(login, path, "{}");
            case "PUT" -> api.put(login, path, "{}");
            default -> throw new IllegalStateException("no method " + method + " in the table's requests");
        };
    }

    private int anonymous(String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path)).header("Content-Type", "application/json");
        request = method.equals("GET") ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString("{}"));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
