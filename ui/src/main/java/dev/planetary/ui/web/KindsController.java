package dev.planetary.ui.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.kernel.spec.ChangeKind;
import dev.planetary.kernel.spec.ChangeKinds;
import io.swagger.v3.core.util.Json;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/kinds}: every kind of change the API takes, from the registry, with its label,
 * family, an example spec to start from and its JSON schema (OpenAPI flavour; the schemas it
 * refers to are under {@code definitions}).
 */
@RestController
@RequestMapping("/api/kinds")
public class KindsController {

    public record KindDescription(String kind, String label, String group, String groupLabel, boolean proposable,
                                  JsonNode example, JsonNode schema, Map<String, JsonNode> definitions) {
    }

    private final List<KindDescription> kinds;

    public KindsController(ChangeKindSchemas schemas, ObjectMapper json) {
        this.kinds = ChangeKinds.all().stream().map(kind -> describe(kind, schemas.of(kind), json)).toList();
    }

    @GetMapping
    public List<KindDescription> list() {
        return kinds;
    }

    private static KindDescription describe(ChangeKind<?> kind, ChangeKindSchemas.KindSchema schema, ObjectMapper json) {
        try {
            // swagger's own mapper writes its Schema objects as OpenAPI expects (no nulls, $ref spelled right)
            ObjectMapper openApi = Json.mapper();
            Map<String, JsonNode> definitions = new java.util.LinkedHashMap<>();
            schema.referenced().forEach((name, ref) -> definitions.put(name, openApi.valueToTree(ref)));
            return new KindDescription(kind.name(), kind.label(), kind.group().name(), kind.group().label(),
                    kind.proposable(), json.readTree(kind.example()), openApi.valueToTree(schema.schema()), definitions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the example of kind " + kind.name() + " is not JSON", e);
        }
    }
}
