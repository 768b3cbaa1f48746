-- Extensions installed in schema public: their objects sit where every role may create, and name
-- clashes with the application's own objects go unnoticed.
SELECT 'public' AS schema, x.extname AS name, x.extname AS object, 'installed in schema public' AS detail, NULL AS columns
FROM pg_extension x
WHERE x.extnamespace = 'public'::regnamespace AND x.extname <> 'plpgsql'
ORDER BY 2
