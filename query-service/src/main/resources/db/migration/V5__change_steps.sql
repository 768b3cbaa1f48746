-- The steps of a plan run step by step, as the executor reported them (by step number), and what a
-- failed stepped apply says was done and what was not.
ALTER TABLE change_summary ADD COLUMN steps jsonb NOT NULL DEFAULT '{}';
ALTER TABLE change_summary ADD COLUMN failure_note text;
