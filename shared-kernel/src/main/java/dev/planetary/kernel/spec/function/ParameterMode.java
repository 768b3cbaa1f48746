package dev.planetary.kernel.spec.function;

/** How a function parameter passes its value. IN, INOUT and VARIADIC parameters are the inputs that identify the function. */
public enum ParameterMode {
    IN,
    OUT,
    INOUT,
    VARIADIC;

    public boolean input() {
        return this != OUT;
    }

    public boolean output() {
        return this == OUT || this == INOUT;
    }
}
