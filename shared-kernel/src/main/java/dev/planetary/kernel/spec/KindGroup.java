package dev.planetary.kernel.spec;

/** The families of change kinds, in the order the propose menu shows them. */
public enum KindGroup {
    PRIVILEGES("Privileges and roles"),
    ROW_SECURITY("Row-level security"),
    TRIGGERS("Triggers"),
    FUNCTIONS("Functions"),
    VIEWS("Views"),
    PROTECTION("Protected tables"),
    INDEXES("Indexes"),
    MAINTENANCE("Maintenance"),
    CONFIGURATION("Server configuration"),
    JOBS("Scheduled jobs"),
    REPLICATION("Replication"),
    DOCUMENTATION("Documentation"),
    AUDIT("Audit"),
    DRIFT("Drift");

    private final String label;

    KindGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
