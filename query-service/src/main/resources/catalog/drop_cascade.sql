-- What DROP ... CASCADE of one object would remove: everything depending on it (normally or
-- automatically), recursively. A dependent that is an internal part of another object (a view's
-- rewrite rule) stands for that object (the view). Row and array types of relations are left out:
-- they go with their relation and nobody names them.
WITH RECURSIVE dependents(classid, objid, objsubid, depth) AS (
    SELECT d.classid, d.objid, d.objsubid, 1
    FROM pg_depend d
    WHERE d.refclassid = CAST(CAST(:catalog AS text) AS regclass) AND d.refobjid = CAST(:objid AS oid) AND d.deptype IN ('n', 'a')
    UNION
    SELECT next.classid, next.objid, next.objsubid, dependents.depth + 1
    FROM dependents
    CROSS JOIN LATERAL (
        -- the whole object a part belongs to
        SELECT i.refclassid AS classid, i.refobjid AS objid, 0 AS objsubid
        FROM pg_depend i
        WHERE i.classid = dependents.classid AND i.objid = dependents.objid AND i.deptype = 'i'
        UNION
        -- what depends on this object
        SELECT d.classid, d.objid, d.objsubid
        FROM pg_depend d
        WHERE d.refclassid = dependents.classid AND d.refobjid = dependents.objid AND d.deptype IN ('n', 'a')
    ) next
    WHERE dependents.depth < 40
      AND NOT (next.classid = CAST(CAST(:catalog AS text) AS regclass) AND next.objid = CAST(:objid AS oid))
), named AS (
    SELECT DISTINCT ON (dependents.classid, dependents.objid) dependents.classid, dependents.objid, dependents.depth,
           (pg_identify_object(dependents.classid, dependents.objid, 0)).*,
           pg_describe_object(dependents.classid, dependents.objid, 0) AS description
    FROM dependents
    ORDER BY dependents.classid, dependents.objid, dependents.depth
)
SELECT named.type AS kind, named.schema, named.name, named.identity, named.description, named.depth
FROM named
WHERE NOT (named.classid = 'pg_type'::regclass
           AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = named.objid AND (t.typrelid <> 0 OR t.typelem <> 0)))
  AND named.classid <> 'pg_rewrite'::regclass
  -- column defaults of the dropped relation itself go with it unnoticed
  AND NOT (named.classid = 'pg_attrdef'::regclass
           AND EXISTS (SELECT 1 FROM pg_attrdef ad WHERE ad.oid = named.objid AND ad.adrelid = CAST(:objid AS oid)))
ORDER BY named.depth, named.type, named.identity
