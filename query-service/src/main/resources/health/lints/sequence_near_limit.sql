-- Sequences past 80 % of their range (read through planetary.sequence_usage(), which Planetary's
-- metadata login may call: it holds no right on the sequences themselves).
SELECT n.nspname AS schema, c.relname AS name, format('%I.%I', n.nspname, c.relname) AS object,
       format('%s %% of its range used (%s of %s)', round(u.used_percent::numeric, 1), u.last_value, u.max_value) AS detail,
       NULL AS columns
FROM planetary.sequence_usage() u
JOIN pg_class c ON c.oid = u.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE u.used_percent >= 80
ORDER BY 1, 2
