package dev.planetary.kernel.spec.function;

/** What the planner may assume about repeated calls; PostgreSQL's default is VOLATILE. */
public enum FunctionVolatility {
    VOLATILE,
    STABLE,
    IMMUTABLE
}
