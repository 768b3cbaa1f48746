-- The database's publications and the operations they publish.
SELECT p.pubname, pg_catalog.pg_get_userbyid(p.pubowner) AS owner, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete,
       p.pubtruncate, p.pubviaroot
FROM pg_catalog.pg_publication p
ORDER BY p.pubname
