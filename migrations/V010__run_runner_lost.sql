-- Runs executed by runner nodes over NATS can end because their node died or NATS went away: status runner_lost.
-- Dropping and re-adding the check works alike on H2 (PostgreSQL mode) and PostgreSQL.
alter table run drop constraint run_status_check;
alter table run add constraint run_status_check check (status in
    ('ok', 'error', 'timeout', 'cpu_limit', 'memory_limit', 'process_limit', 'output_limit', 'stopped',
     'runner_lost'));
