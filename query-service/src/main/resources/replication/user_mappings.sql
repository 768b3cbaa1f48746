-- Each user mapping: the remote user and whether a password is set, when the metadata login may see the mapping's
-- options (null when not). The password is tested here and never read out.
SELECT um.srvname, um.usename,
       (SELECT substr(o, 6) FROM unnest(um.umoptions) AS o WHERE o LIKE 'user=%' LIMIT 1) AS remote_user,
       CASE WHEN um.umoptions IS NULL THEN NULL
            ELSE EXISTS (SELECT 1 FROM unnest(um.umoptions) AS o WHERE o LIKE 'password=%') END AS password
FROM pg_catalog.pg_user_mappings um
ORDER BY um.srvname, um.usename
