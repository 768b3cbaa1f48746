package dev.planetary.kernel.ddl;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlFragment;

/**
 * One key of an index: a column, or an expression the requester writes (an explicit SQL fragment,
 * shown verbatim and dry-run), ascending or descending.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexKey(Identifier column, SqlFragment expression, boolean descending) {

    public IndexKey {
        if ((column == null) == (expression == null)) {
            throw new IllegalArgumentException("an index key is a column or an expression");
        }
    }

    public static IndexKey onColumn(String name) {
        return new IndexKey(Identifier.of(name), null, false);
    }

    public static IndexKey onExpression(String sql) {
        return new IndexKey(null, SqlFragment.of(sql), false);
    }

    public IndexKey desc() {
        return new IndexKey(column, expression, true);
    }

    String sql() {
        String key = column != null ? column.quoted() : expression.parenthesized();
        return descending ? key + " DESC" : key;
    }
}
