package dev.planetary.query.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.kernel.catalog.FindCommentQuery;
import dev.planetary.kernel.spec.PreviousComment;
import dev.planetary.kernel.sql.TypeName;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the comment an object has, which a comment-on's inverse puts back. */
@Component
public class CommentReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Introspectors introspectors;

    public CommentReader(Introspectors introspectors) {
        this.introspectors = introspectors;
    }

    @QueryHandler
    public Optional<PreviousComment> comment(FindCommentQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("target", query.kind().name());
        parameters.put("schema", query.object() == null ? null : query.object().schema().name());
        parameters.put("name", query.object() == null ? null : query.object().name().name());
        parameters.put("member", query.name() == null ? null : query.name().name());
        parameters.put("types", types(query));
        return introspectors.of(query.target()).sql().query("comment", parameters, (rs, n) -> new PreviousComment(rs.getString("comment")))
                .stream().findFirst();
    }

    /** The argument types as a JSON array of strings: one bound parameter, read by PostgreSQL as JSON, never as SQL. */
    private static String types(FindCommentQuery query) {
        try {
            return JSON.writeValueAsString(query.argumentTypes().stream().map(TypeName::name).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
