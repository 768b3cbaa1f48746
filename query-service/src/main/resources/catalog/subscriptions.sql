-- Subscriptions of this database, without subconninfo (it holds credentials, and only superusers may read it).
SELECT s.subname AS name, pg_get_userbyid(s.subowner) AS owner, s.subenabled AS enabled,
       s.subpublications AS publications, s.subslotname AS slot_name
FROM pg_subscription s
WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY s.subname
