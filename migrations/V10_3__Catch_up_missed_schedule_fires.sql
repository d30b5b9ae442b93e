-- Fires missed while no instance ran are caught up once at start-up; a fire before the schedule
-- was set was never due. Schedules set before this migration count from now.
alter table repository add column schedule_since timestamptz;
update repository set schedule_since = now() where schedule is not null;
