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
