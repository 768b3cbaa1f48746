-- What DROP ... CASCADE of one object would remove: everything depending on it (normally,
-- automatically or as an internal part), recursively; what depends on a column is what depends on
-- that column only. A dependent that is an internal part of another object (a view's rewrite rule,
-- a generated column's expression) stands for that object (the view, the column); parts reached
-- from their own object (a table's row type) are followed but do not climb back. Row and array
-- types of relations are left out: they go with their relation and nobody names them.
WITH RECURSIVE dependents(classid, objid, objsubid, part, depth) AS (
    SELECT d.classid, d.objid, d.objsubid, d.deptype = 'i', 1
    FROM pg_depend d
    WHERE d.refclassid = CAST(CAST(:catalog AS text) AS regclass) AND d.refobjid = CAST(:objid AS oid)
      AND d.deptype IN ('n', 'a', 'i')
    UNION
    SELECT next.classid, next.objid, next.objsubid, next.part, dependents.depth + 1
    FROM dependents
    CROSS JOIN LATERAL (
        -- the whole object a part belongs to
        SELECT i.refclassid AS classid, i.refobjid AS objid, i.refobjsubid AS objsubid, false AS part
        FROM pg_depend i
        WHERE i.classid = dependents.classid AND i.objid = dependents.objid AND i.deptype = 'i' AND NOT dependents.part
        UNION
        -- what depends on this object; what goes automatically with a part is a part too
        SELECT d.classid, d.objid, d.objsubid, d.deptype = 'i' OR (dependents.part AND d.deptype = 'a')
        FROM pg_depend d
        WHERE d.refclassid = dependents.classid AND d.refobjid = dependents.objid
          AND (dependents.objsubid = 0 OR d.refobjsubid = dependents.objsubid) AND d.deptype IN ('n', 'a', 'i')
    ) next
    WHERE dependents.depth < 40
      AND NOT (next.classid = CAST(CAST(:catalog AS text) AS regclass) AND next.objid = CAST(:objid AS oid))
), named AS (
    SELECT DISTINCT ON (dependents.classid, dependents.objid, dependents.objsubid) dependents.classid, dependents.objid,
           dependents.depth,
           (pg_identify_object(dependents.classid, dependents.objid, dependents.objsubid)).*,
           pg_describe_object(dependents.classid, dependents.objid, dependents.objsubid) AS description
    FROM dependents
    WHERE NOT dependents.part -- internal parts (toast table, a constraint's index and triggers) go unnamed
    ORDER BY dependents.classid, dependents.objid, dependents.objsubid, dependents.depth
)
SELECT named.type AS kind, named.schema,
       -- pg_identify_object quotes the name where needed; names are returned as spelled
       CASE WHEN named.name LIKE '"%"' THEN replace(substr(named.name, 2, length(named.name) - 2), '""', '"')
            ELSE named.name END AS name,
       named.identity, named.description, named.depth
FROM named
WHERE NOT (named.classid = 'pg_type'::regclass
           AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = named.objid AND (t.typrelid <> 0 OR t.typelem <> 0)))
  AND named.classid <> 'pg_rewrite'::regclass
  -- column defaults of the dropped relation itself go with it unnoticed
  AND NOT (named.classid = 'pg_attrdef'::regclass
           AND EXISTS (SELECT 1 FROM pg_attrdef ad WHERE ad.oid = named.objid AND ad.adrelid = CAST(:objid AS oid)))
ORDER BY named.depth, named.type, named.identity
