-- Planetary manages several target databases: every change and every line of history belongs to one.
-- What was recorded before belongs to the one target there was, named 'default'.
ALTER TABLE change_summary ADD COLUMN target text NOT NULL DEFAULT 'default';
CREATE INDEX change_summary_target_idx ON change_summary (target, status, proposed_at DESC);

ALTER TABLE change_history ADD COLUMN target text NOT NULL DEFAULT 'default';
CREATE INDEX change_history_target_idx ON change_history (target, occurred_at, id);

ALTER TABLE notification_change ADD COLUMN target text NOT NULL DEFAULT 'default';

-- The drift watcher kept one watermark under the key 'target'; it now keeps one per target.
UPDATE drift_watermark SET target = 'default' WHERE target = 'target';
