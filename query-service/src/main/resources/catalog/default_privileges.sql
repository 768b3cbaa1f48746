-- ALTER DEFAULT PRIVILEGES: what objects created later will grant. defaclobjtype r/S/f/T/n.
SELECT pg_get_userbyid(da.defaclrole) AS owner, n.nspname AS schema,
       CASE da.defaclobjtype WHEN 'r' THEN 'TABLE' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FUNCTION'
            WHEN 'T' THEN 'TYPE' WHEN 'n' THEN 'SCHEMA' END AS object_type,
       CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(acl.grantee) END AS grantee,
       acl.privilege_type AS privilege, acl.is_grantable AS grantable
FROM pg_default_acl da
LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace
CROSS JOIN LATERAL aclexplode(da.defaclacl) acl
ORDER BY 1, 2 NULLS FIRST, 3, 4, 5
