-- Every parameter of the server as this login sees it (pg_read_all_settings, in pg_monitor, shows the
-- ones reserved to superusers), in category order.
SELECT name, setting, unit, category, short_desc, extra_desc, context, vartype, source, sourcefile, sourceline,
       min_val, max_val, enumvals, boot_val, reset_val, pending_restart
FROM pg_settings
ORDER BY category, name
