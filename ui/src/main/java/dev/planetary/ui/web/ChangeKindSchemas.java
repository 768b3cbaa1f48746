package dev.planetary.ui.web;

import dev.planetary.kernel.spec.ChangeKind;
import dev.planetary.kernel.spec.ChangeKinds;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schema of each registered kind, read from its spec record, with the {@code kind}
 * property the registry adds; and, for the OpenAPI description, {@code ChangeSpec} as one
 * {@code oneOf} entry per kind with {@code kind} as the discriminator. Nothing here lists kinds.
 */
@Component
public class ChangeKindSchemas implements OpenApiCustomizer {

    private static final String REFS = "#/components/schemas/";

    /** A kind's schema and the schemas it refers to (QualifiedName, ViewColumn, ...), by name. */
    public record KindSchema(Schema<?> schema, Map<String, Schema<?>> referenced) {
    }

    private final Map<String, KindSchema> byKind = new LinkedHashMap<>();

    public ChangeKindSchemas() {
        for (ChangeKind<?> kind : ChangeKinds.all()) {
            byKind.put(kind.name(), read(kind));
        }
    }

    public KindSchema of(ChangeKind<?> kind) {
        return byKind.get(kind.name());
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        List<Schema> entries = new ArrayList<>();
        Discriminator discriminator = new Discriminator().propertyName("kind");
        for (ChangeKind<?> kind : ChangeKinds.all()) {
            KindSchema schema = byKind.get(kind.name());
            String name = kind.specType().getSimpleName();
            openApi.getComponents().addSchemas(name, schema.schema());
            schema.referenced().forEach(openApi.getComponents()::addSchemas);
            entries.add(new Schema<>().$ref(REFS + name));
            discriminator.mapping(kind.name(), REFS + name);
        }
        ComposedSchema spec = new ComposedSchema();
        spec.setOneOf(entries);
        spec.setDiscriminator(discriminator);
        spec.setDescription("A change: one of the registered kinds, named by its kind property (GET /api/kinds lists them)");
        openApi.getComponents().addSchemas("ChangeSpec", spec);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static KindSchema read(ChangeKind<?> kind) {
        ResolvedSchema resolved = ModelConverters.getInstance()
                .readAllAsResolvedSchema(new AnnotatedType(kind.specType()).resolveAsRef(false));
        Schema<?> schema = resolved.schema;
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("kind", new StringSchema()._enum(List.of(kind.name())).description(kind.label()));
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if (!name.equals("kind")) {
                    properties.put(name, property);
                }
            });
        }
        schema.setProperties(properties);
        List<String> required = new ArrayList<>(List.of("kind"));
        if (schema.getRequired() != null) {
            required.addAll(schema.getRequired());
        }
        schema.setRequired(required);
        schema.setDescription(kind.label() + " (" + kind.group().label() + ")");
        Map<String, Schema<?>> referenced = new LinkedHashMap<>();
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach((name, ref) -> {
                if (!name.equals(kind.specType().getSimpleName())) {
                    referenced.put(name, (Schema<?>) ref);
                }
            });
        }
        return new KindSchema(schema, referenced);
    }
}
