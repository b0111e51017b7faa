-- A challenge may demand parallelism: the most processes and threads alive at once during a check's run (the
-- runner's "processes" figure, the interpreter itself included) must reach this number, e.g. "using 4 workers".
alter table challenge add column min_processes integer;
