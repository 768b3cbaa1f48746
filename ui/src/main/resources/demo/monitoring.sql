-- Planetary's window on the planner's statistics for a target database. Run once as a superuser.
-- pg_stats would show Planetary's metadata login nothing (it may read no table) and, to those who may,
-- the most common values: rows, in effect. This function hands out only each column's average width
-- and share of NULLs, which the health page's bloat estimate needs, and nothing of the values.
CREATE SCHEMA IF NOT EXISTS planetary AUTHORIZATION planetary_ddl;
CREATE OR REPLACE FUNCTION planetary.column_widths()
    RETURNS TABLE (relid oid, attnum smallint, avg_width integer, null_frac real)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $widths$
        SELECT starelid, staattnum, stawidth, stanullfrac FROM pg_catalog.pg_statistic WHERE NOT stainherit
$widths$;
REVOKE ALL ON FUNCTION planetary.column_widths() FROM PUBLIC;
GRANT USAGE ON SCHEMA planetary TO planetary_meta;
GRANT EXECUTE ON FUNCTION planetary.column_widths() TO planetary_meta;

-- How far each sequence has come through its range: the values a sequence hands out are not rows, but
-- reading them needs a right on each sequence, which the metadata login has none of. Only sequences whose
-- range could run out are read (under 10^12 values: integer and smallint ones, or a low MAXVALUE): a bigint
-- sequence with the default range lasts 290,000 years at a million values a second, and reading a
-- sequence's value opens it (1.5 s for 10,000 of them).
CREATE OR REPLACE FUNCTION planetary.sequence_usage()
    RETURNS TABLE (seqrelid oid, last_value bigint, max_value bigint, used_percent double precision)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $usage$
        SELECT s.seqrelid, v.last_value, CASE WHEN s.seqincrement > 0 THEN s.seqmax ELSE s.seqmin END,
               CASE WHEN v.last_value IS NULL THEN 0
                    WHEN s.seqincrement > 0 THEN 100.0 * (v.last_value - s.seqmin) / NULLIF(s.seqmax - s.seqmin, 0)
                    ELSE 100.0 * (s.seqmax - v.last_value) / NULLIF(s.seqmax - s.seqmin, 0) END
        FROM pg_catalog.pg_sequence s
        CROSS JOIN LATERAL (SELECT pg_catalog.pg_sequence_last_value(s.seqrelid) AS last_value) v
        WHERE s.seqmax::numeric - s.seqmin < 1e12
$usage$;
REVOKE ALL ON FUNCTION planetary.sequence_usage() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION planetary.sequence_usage() TO planetary_meta;
