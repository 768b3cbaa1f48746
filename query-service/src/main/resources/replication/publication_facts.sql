-- A publication's definition: whether it publishes all tables or whole schemas (then its tables are not listed one
-- by one), its operations, and whether partitions publish as their root.
SELECT p.oid, p.puballtables OR EXISTS (SELECT 1 FROM pg_catalog.pg_publication_namespace n WHERE n.pnpubid = p.oid) AS all_tables,
       p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot
FROM pg_catalog.pg_publication p
WHERE p.pubname = :name
