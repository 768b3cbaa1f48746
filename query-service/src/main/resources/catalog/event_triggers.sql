-- Event triggers: database-wide, fired by DDL.
SELECT et.oid, et.evtname AS name, et.evtevent AS event, COALESCE(et.evttags, ARRAY[]::text[]) AS tags,
       pn.nspname AS function_schema, p.proname AS function_name, et.evtenabled::text AS enabled,
       pg_get_userbyid(et.evtowner) AS owner
FROM pg_event_trigger et
JOIN pg_proc p ON p.oid = et.evtfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
WHERE NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_event_trigger'::regclass AND e.objid = et.oid AND e.deptype = 'e')
ORDER BY et.evtname
