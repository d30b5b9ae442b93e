-- A repository's schedule can be paused and resumed without losing its cron: paused schedules do
-- not fire, and fires missed while paused are not caught up (resuming moves schedule_since).
alter table repository add column schedule_paused_at timestamptz;
