-- A change follows the rules of its target's environment: the environment is kept with the change,
-- and an approved change in an environment whose rollout is by an operator waits for one.
ALTER TABLE change_summary ADD COLUMN environment text;
ALTER TABLE change_summary ADD COLUMN awaiting_rollout boolean NOT NULL DEFAULT false;
