package dev.planetary.kernel.ddl;

/**
 * {@code DROP FUNCTION signature [CASCADE]}. A function is one overload among several of its name,
 * so it is named by its signature with the identity argument types, as the caller rendered it
 * ({@code "app"."total"(integer, text)}).
 */
public record DropFunction(String signature, boolean cascade) {

    public String sql() {
        return "DROP FUNCTION " + signature + (cascade ? " CASCADE" : "");
    }
}
