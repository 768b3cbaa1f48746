-- Lint findings someone acknowledged (FindingAcknowledgedEvent): the lint pass marks them instead of
-- raising them again. The latest acknowledgement of a rule on an object counts.
CREATE TABLE lint_acknowledgement (
    target          text        NOT NULL,
    rule            text        NOT NULL,
    object          text        NOT NULL,
    reason          text        NOT NULL,
    acknowledged_by text        NOT NULL,
    acknowledged_at timestamptz NOT NULL,
    PRIMARY KEY (target, rule, object)
);
