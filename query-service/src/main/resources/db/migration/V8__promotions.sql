-- A promoted change repeats an applied change on another target: the chain of promotions is kept here.
ALTER TABLE change_summary ADD COLUMN promoted_from text;
CREATE INDEX change_summary_promoted_from_idx ON change_summary (promoted_from) WHERE promoted_from IS NOT NULL;
