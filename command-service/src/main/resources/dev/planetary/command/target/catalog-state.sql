-- The state of everything a plan could change, one row per part of an object:
-- (kind, object, owner_kind, owner_object, state). Names are quoted in every part, as
-- CatalogEffect names them; owner_* is the object a part belongs to (a policy's table), so a
-- created or dropped object covers its parts. States are compared before and after a plan,
-- inside its transaction. System schemas and temporary schemas are left out.
WITH ns AS (
    SELECT n.oid, '"' || replace(n.nspname, '"', '""') || '"' AS q
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
), rel AS (
    SELECT c.oid, ns.q || '."' || replace(c.relname, '"', '""') || '"' AS q, c.relkind, c.relowner, c.reloptions,
           c.relpersistence, c.relacl, c.relrowsecurity, c.relforcerowsecurity
    FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'i', 'I', 'c')
), owned AS (
    -- an index belongs to its table: created or dropped with it
    SELECT rel.*, coalesce(t.q, rel.q) AS owner_q
    FROM rel LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = rel.oid LEFT JOIN rel t ON t.oid = i.indrelid
), cols AS (
    SELECT a.attrelid,
           string_agg(concat_ws(':', a.attnum, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.attisdropped,
                                a.attidentity, a.attgenerated, a.attcollation, d.adbin::text),
                      ',' ORDER BY a.attnum) AS definition,
           string_agg(a.attname || '=' || a.attacl::text, ',' ORDER BY a.attnum) FILTER (WHERE a.attacl IS NOT NULL) AS acl
    FROM pg_catalog.pg_attribute a
    LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attnum > 0 AND a.attrelid IN (SELECT oid FROM rel)
    GROUP BY a.attrelid
), cons AS (
    SELECT conrelid, string_agg(concat_ws(':', conname, contype, condeferrable, condeferred, convalidated, conkey::text,
                                        confrelid, confkey::text, confupdtype, confdeltype, conbin::text), ',' ORDER BY conname) AS definition
    FROM pg_catalog.pg_constraint
    WHERE conrelid IN (SELECT oid FROM rel)
    GROUP BY conrelid
), fn AS (
    SELECT p.oid, ns.q || '."' || replace(p.proname, '"', '""') || '"' AS q, p.proacl, p.proargtypes::text AS args,
           concat_ws('|', p.proargtypes::text, p.proallargtypes::text, p.proargmodes::text, p.proargnames::text, p.prokind, p.proowner, p.prolang,
                     p.prosecdef, p.proleakproof, p.proisstrict, p.proretset, p.provolatile, p.proparallel,
                     p.prorettype, p.proconfig::text, pg_catalog.md5(p.prosrc), p.probin,
                     p.proargdefaults::text) AS definition
    FROM pg_catalog.pg_proc p JOIN ns ON ns.oid = p.pronamespace
)
SELECT 'RELATION' AS kind, rel.q AS object, 'RELATION' AS owner_kind, rel.owner_q AS owner_object,
       pg_catalog.md5(concat_ws('|', rel.relkind, rel.relowner, rel.reloptions::text, rel.relpersistence, cols.definition,
                                cons.definition,
                                (SELECT pg_catalog.md5(r.ev_action::text) FROM pg_catalog.pg_rewrite r
                                 WHERE r.ev_class = rel.oid AND r.rulename = '_RETURN'),
                                (SELECT concat_ws(':', x.indisunique, x.indkey::text, x.indclass::text, x.indexprs::text, x.indpred::text)
                                 FROM pg_catalog.pg_index x WHERE x.indexrelid = rel.oid))) AS state
FROM owned rel LEFT JOIN cols ON cols.attrelid = rel.oid LEFT JOIN cons ON cons.conrelid = rel.oid
UNION ALL
SELECT 'RELATION_PRIVILEGES', rel.q, 'RELATION', rel.owner_q, concat_ws('|', rel.relacl::text, cols.acl)
FROM owned rel LEFT JOIN cols ON cols.attrelid = rel.oid
UNION ALL
SELECT 'ROW_SECURITY', rel.q, 'RELATION', rel.q, rel.relrowsecurity::text || '/' || rel.relforcerowsecurity::text
FROM rel WHERE rel.relkind IN ('r', 'p')
UNION ALL
SELECT 'POLICY', rel.q || '."' || replace(p.polname, '"', '""') || '"', 'RELATION', rel.q,
       pg_catalog.md5(concat_ws('|', p.polcmd, p.polpermissive, p.polroles::text,
                                p.polqual::text, p.polwithcheck::text))
FROM pg_catalog.pg_policy p JOIN rel ON rel.oid = p.polrelid
UNION ALL
SELECT 'TRIGGER', rel.q || '."' || replace(t.tgname, '"', '""') || '"', 'RELATION', rel.q,
       pg_catalog.md5(concat_ws('|', t.tgenabled, t.tgfoid, t.tgtype, t.tgattr::text, t.tgargs, t.tgqual::text))
FROM pg_catalog.pg_trigger t JOIN rel ON rel.oid = t.tgrelid
WHERE NOT t.tgisinternal
UNION ALL
SELECT 'FUNCTION', fn.q, 'FUNCTION', fn.q, pg_catalog.md5(string_agg(fn.definition, ';' ORDER BY fn.definition))
FROM fn GROUP BY fn.q
UNION ALL
SELECT 'FUNCTION_PRIVILEGES', fn.q, 'FUNCTION', fn.q,
       string_agg(fn.args || '=' || coalesce(fn.proacl::text, 'default'), ';'
                  ORDER BY fn.definition)
FROM fn GROUP BY fn.q
UNION ALL
SELECT 'SCHEMA', ns.q, 'SCHEMA', ns.q, n.nspowner::text
FROM ns JOIN pg_catalog.pg_namespace n ON n.oid = ns.oid
UNION ALL
SELECT 'SCHEMA_PRIVILEGES', ns.q, 'SCHEMA', ns.q, coalesce(n.nspacl::text, 'default')
FROM ns JOIN pg_catalog.pg_namespace n ON n.oid = ns.oid
UNION ALL
SELECT 'ROLE', '"' || replace(r.rolname, '"', '""') || '"', 'ROLE', '"' || replace(r.rolname, '"', '""') || '"',
       concat_ws('|', r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin, r.rolreplication,
                 r.rolbypassrls, r.rolconnlimit, r.rolvaliduntil, r.rolconfig::text,
                 (SELECT s.setconfig::text FROM pg_catalog.pg_db_role_setting s JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
                  WHERE s.setrole = r.oid AND d.datname = current_database()))
FROM pg_catalog.pg_roles r
UNION ALL
SELECT 'MEMBERSHIP', '"' || replace(r.rolname, '"', '""') || '"', 'ROLE', '"' || replace(r.rolname, '"', '""') || '"',
       string_agg(m.member::regrole::text || ':' || m.admin_option, ',' ORDER BY m.member)
FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles r ON r.oid = m.roleid
GROUP BY r.rolname
UNION ALL
SELECT 'DEFAULT_PRIVILEGES', '"' || replace(d.defaclrole::regrole::text, '"', '""') || '"' || coalesce('.' || ns.q, ''),
       'DEFAULT_PRIVILEGES', '"' || replace(d.defaclrole::regrole::text, '"', '""') || '"' || coalesce('.' || ns.q, ''),
       string_agg(d.defaclobjtype::text || '=' || d.defaclacl::text, ',' ORDER BY d.defaclobjtype)
FROM pg_catalog.pg_default_acl d LEFT JOIN ns ON ns.oid = d.defaclnamespace
GROUP BY d.defaclrole, ns.q
UNION ALL
SELECT 'DATABASE', '"' || replace(d.datname, '"', '""') || '"', 'DATABASE', '"' || replace(d.datname, '"', '""') || '"',
       concat_ws('|', d.datdba, d.datacl::text, d.datconnlimit, d.datallowconn,
                 (SELECT s.setconfig::text FROM pg_catalog.pg_db_role_setting s WHERE s.setdatabase = d.oid AND s.setrole = 0))
FROM pg_catalog.pg_database d WHERE d.datname = current_database()
UNION ALL
SELECT 'TYPE', ns.q || '."' || replace(t.typname, '"', '""') || '"', 'TYPE', ns.q || '."' || replace(t.typname, '"', '""') || '"',
       pg_catalog.md5(concat_ws('|', t.typtype, t.typowner, t.typacl::text, t.typbasetype, t.typnotnull, t.typdefault,
                                (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
                                (SELECT string_agg(c.conname || ':' || pg_catalog.pg_get_constraintdef(c.oid), ',' ORDER BY c.conname)
                                 FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid)))
FROM pg_catalog.pg_type t JOIN ns ON ns.oid = t.typnamespace
WHERE t.typtype IN ('e', 'd', 'r', 'm', 'b', 'p') AND t.typelem = 0
   OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
UNION ALL
SELECT 'EXTENSION', '"' || replace(e.extname, '"', '""') || '"', 'EXTENSION', '"' || replace(e.extname, '"', '""') || '"',
       concat_ws('|', e.extversion, e.extowner, e.extnamespace, e.extconfig::text)
FROM pg_catalog.pg_extension e
UNION ALL
SELECT 'FOREIGN_SERVER', '"' || replace(s.srvname, '"', '""') || '"', 'FOREIGN_SERVER', '"' || replace(s.srvname, '"', '""') || '"',
       concat_ws('|', s.srvfdw, s.srvowner, s.srvacl::text, s.srvoptions::text, s.srvtype, s.srvversion)
FROM pg_catalog.pg_foreign_server s
UNION ALL
-- the options of a user mapping (its password) are visible to its owner only: its existence is compared
SELECT 'USER_MAPPING', '"' || replace(u.srvname, '"', '""') || '".' || CASE WHEN u.umuser = 0 THEN 'PUBLIC'
           ELSE '"' || replace(u.usename, '"', '""') || '"' END,
       'FOREIGN_SERVER', '"' || replace(u.srvname, '"', '""') || '"', 'exists'
FROM pg_catalog.pg_user_mappings u
UNION ALL
SELECT 'EVENT_TRIGGER', '"' || replace(e.evtname, '"', '""') || '"', 'EVENT_TRIGGER', '"' || replace(e.evtname, '"', '""') || '"',
       concat_ws('|', e.evtevent, e.evtowner, e.evtfoid, e.evtenabled, e.evttags::text)
FROM pg_catalog.pg_event_trigger e
UNION ALL
-- a publication's tables by oid (a table moved to another schema stays published), with their row filters and column lists
SELECT 'PUBLICATION', '"' || replace(p.pubname, '"', '""') || '"', 'PUBLICATION', '"' || replace(p.pubname, '"', '""') || '"',
       pg_catalog.md5(concat_ws('|', p.pubowner, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot,
                                (SELECT string_agg(concat_ws(':', r.prrelid, r.prqual::text, r.prattrs::text), ',' ORDER BY r.prrelid)
                                 FROM pg_catalog.pg_publication_rel r WHERE r.prpubid = p.oid),
                                (SELECT string_agg(n.pnnspid::text, ',' ORDER BY n.pnnspid)
                                 FROM pg_catalog.pg_publication_namespace n WHERE n.pnpubid = p.oid)))
FROM pg_catalog.pg_publication p
UNION ALL
SELECT 'LANGUAGE', '"' || replace(l.lanname, '"', '""') || '"', 'LANGUAGE', '"' || replace(l.lanname, '"', '""') || '"',
       concat_ws('|', l.lanowner, l.lanpltrusted, l.lanacl::text)
FROM pg_catalog.pg_language l
