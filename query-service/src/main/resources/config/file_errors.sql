-- The configuration files' lines that did not apply: a bad value or name, or a value waiting for a
-- restart ("setting could not be applied"). Readable by superusers and by logins granted it.
SELECT sourcefile, sourceline, name, setting, error
FROM pg_file_settings
WHERE error IS NOT NULL
ORDER BY sourcefile, sourceline
