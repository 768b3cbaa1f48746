package dev.planetary.kernel.health;

/**
 * What the health lints look for in the live catalog, each with its level and the change kind that fixes
 * a finding (null where no kind does yet: the finding says what to do in words).
 */
public enum LintRule {
    UNINDEXED_FOREIGN_KEY(Level.WARNING, "Foreign key without an index", "create-index"),
    TABLE_WITHOUT_PRIMARY_KEY(Level.WARNING, "Table without a primary key", null),
    RLS_WITHOUT_POLICY(Level.WARNING, "Row-level security on, no policy", "create-policy"),
    POLICY_WITHOUT_RLS(Level.ERROR, "Policies on a table whose row-level security is off", "row-security"),
    SECURITY_DEFINER_SEARCH_PATH(Level.ERROR, "SECURITY DEFINER function with a mutable search_path", "create-function"),
    VIEW_BYPASSES_RLS(Level.WARNING, "View that reads row-secured tables as its owner", null),
    EXTENSION_IN_PUBLIC(Level.INFO, "Extension in schema public", null),
    SEQUENCE_NEAR_LIMIT(Level.WARNING, "Sequence past 80 % of its range", null),
    DUPLICATE_INDEX(Level.WARNING, "Index that duplicates another", "drop-index"),
    UNUSED_INDEX(Level.INFO, "Index never scanned", "drop-index");

    /** How much a finding matters. */
    public enum Level { ERROR, WARNING, INFO }

    private final Level level;
    private final String title;
    private final String fixKind;

    LintRule(Level level, String title, String fixKind) {
        this.level = level;
        this.title = title;
        this.fixKind = fixKind;
    }

    public Level level() {
        return level;
    }

    public String title() {
        return title;
    }

    /** The change kind that fixes a finding, or null. */
    public String fixKind() {
        return fixKind;
    }
}
