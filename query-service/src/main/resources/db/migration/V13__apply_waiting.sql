-- An apply waiting for its target, which cannot be reached: what the driver said and since when
-- (a ChangeView.Waiting); cleared when the apply moves on.
ALTER TABLE change_summary ADD COLUMN waiting jsonb;
