-- The role membership graph: member is a member of role.
SELECT r.rolname AS role, m.rolname AS member, am.admin_option, g.rolname AS grantor
FROM pg_auth_members am
JOIN pg_roles r ON r.oid = am.roleid
JOIN pg_roles m ON m.oid = am.member
LEFT JOIN pg_roles g ON g.oid = am.grantor
ORDER BY r.rolname, m.rolname
