-- A change promoted in a batch is applied only after the one before it.
ALTER TABLE change_summary ADD COLUMN applies_after text;
CREATE INDEX change_summary_applies_after_idx ON change_summary (applies_after) WHERE applies_after IS NOT NULL;
