package dev.planetary.kernel.spec.function;

/** Whose rights a function runs with: the caller's (INVOKER, PostgreSQL's default) or its owner's (DEFINER). */
public enum FunctionSecurity {
    INVOKER,
    DEFINER
}
