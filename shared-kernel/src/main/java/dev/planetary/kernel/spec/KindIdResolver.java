package dev.planetary.kernel.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;

/**
 * The JSON {@code kind} of a spec, read from {@link ChangeKinds}, so every mapper (the API's,
 * Axon's serializer, the read models') knows every kind without a second list of subtypes.
 */
public final class KindIdResolver extends TypeIdResolverBase {

    @Override
    public String idFromValue(Object value) {
        return ChangeKinds.of((ChangeSpec) value).name();
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return value != null ? idFromValue(value) : ChangeKinds.ofType(suggestedType).map(ChangeKind::name).orElse(null);
    }

    /** Null for an unknown kind: Jackson then refuses the document with an InvalidTypeIdException. */
    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        return ChangeKinds.named(id).map(kind -> context.constructType(kind.specType())).orElse(null);
    }

    @Override
    public String getDescForKnownTypeIds() {
        return String.join(", ", ChangeKinds.names());
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
