-- The replication slots reported at risk and not yet out of it: each episode is reported once, whichever
-- instance sees it first.
CREATE TABLE slot_watch (
    target      text        NOT NULL,
    slot        text        NOT NULL,
    reported_at timestamptz NOT NULL,
    PRIMARY KEY (target, slot)
);
