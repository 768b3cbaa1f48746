#!/bin/bash
# Runs once, when the target's data directory is created: the roles Planetary needs, and the demo schema.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v ddl_password="$PLANETARY_DDL_PASSWORD" -v meta_password="$PLANETARY_METADATA_PASSWORD" <<'SQL'
CREATE EXTENSION IF NOT EXISTS pg_cron;
CREATE ROLE planetary_requester NOLOGIN;
CREATE ROLE planetary_reviewer NOLOGIN;
CREATE ROLE planetary_operator NOLOGIN;
CREATE ROLE planetary_viewer NOLOGIN;
CREATE ROLE app_reader NOLOGIN;
CREATE ROLE app_writer NOLOGIN;
-- REPLICATION: dropping an unused replication slot (a reviewed change) is for logins with it.
CREATE ROLE planetary_ddl LOGIN CREATEROLE REPLICATION PASSWORD :'ddl_password';
CREATE ROLE planetary_meta LOGIN PASSWORD :'meta_password';
SELECT format('GRANT CREATE ON DATABASE %I TO planetary_ddl', current_database()) \gexec
-- A database's own defaults (ALTER DATABASE ... SET, a change kind) are its owner's to change.
SELECT format('ALTER DATABASE %I OWNER TO planetary_ddl', current_database()) \gexec
-- Statistics, not rows: the health page reads pg_stat_activity and pg_stat_statements; operators cancel queries.
GRANT pg_monitor TO planetary_meta;
GRANT pg_signal_backend, pg_read_all_stats TO planetary_ddl;
-- The configuration page shows the configuration files' lines that did not apply.
GRANT SELECT ON pg_catalog.pg_file_settings TO planetary_meta;
GRANT EXECUTE ON FUNCTION pg_catalog.pg_show_all_file_settings() TO planetary_meta;
-- Server parameters as reviewed changes (ALTER SYSTEM, then a reload): only those granted here, one by one.
GRANT ALTER SYSTEM ON PARAMETER work_mem, maintenance_work_mem, effective_cache_size, random_page_cost, effective_io_concurrency, default_statistics_target, shared_buffers, max_wal_size, min_wal_size, checkpoint_timeout, checkpoint_completion_target, log_min_duration_statement, log_lock_waits, log_temp_files, log_autovacuum_min_duration, statement_timeout, idle_in_transaction_session_timeout, lock_timeout, autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor, autovacuum_naptime, track_io_timing, jit, synchronous_commit TO planetary_ddl;
GRANT EXECUTE ON FUNCTION pg_catalog.pg_reload_conf() TO planetary_ddl;
-- Scheduled jobs: the executor's login schedules and changes its own jobs (pg_cron 1.4 keeps alter_job from
-- PUBLIC), and the metadata login reads every job and run (pg_cron shows each login its own).
GRANT USAGE ON SCHEMA cron TO planetary_ddl, planetary_meta;
GRANT EXECUTE ON FUNCTION cron.alter_job(bigint, text, text, text, text, boolean) TO planetary_ddl;
CREATE POLICY planetary_reads_jobs ON cron.job FOR SELECT TO planetary_meta USING (true);
CREATE POLICY planetary_reads_runs ON cron.job_run_details FOR SELECT TO planetary_meta USING (true);
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE EXTENSION IF NOT EXISTS pgstattuple;
-- Hypothetical indexes, in this session's memory only: the index advice prices its candidates with them.
CREATE EXTENSION IF NOT EXISTS hypopg;
-- postgres_fdw is not a trusted extension: installed here once, so a change can connect the audit server.
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
GRANT USAGE ON FOREIGN DATA WRAPPER postgres_fdw TO planetary_ddl;
-- Demo people; change or remove them for real use.
CREATE ROLE alice LOGIN PASSWORD 'demo-alice' IN ROLE planetary_requester;
CREATE ROLE bob LOGIN PASSWORD 'demo-bob' IN ROLE planetary_reviewer, planetary_operator;
CREATE ROLE carol LOGIN PASSWORD 'demo-carol' IN ROLE planetary_reviewer;
CREATE ROLE dave LOGIN PASSWORD 'demo-dave' IN ROLE planetary_requester, planetary_reviewer;
CREATE ROLE victor LOGIN PASSWORD 'demo-victor' IN ROLE planetary_viewer;
CREATE ROLE karen LOGIN PASSWORD 'demo-karen';
SET ROLE planetary_ddl;
\i /planetary/target-schema.sql
RESET ROLE;
\i /planetary/monitoring.sql
-- Every DDL statement is recorded from here on; what no change claims is drift.
\i /planetary/drift-recorder.sql
SQL
