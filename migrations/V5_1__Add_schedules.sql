-- A cron schedule per repository (Quartz syntax). Every rustlens instance runs the schedule; the
-- instance that inserts the (repository, fire time) row first queues the scan, the others find the
-- row taken, so with any number of instances a schedule fires once.
alter table repository add column schedule text;

create table schedule_fire (
    repository_id bigint      not null,
    fire_time     timestamptz not null,
    instance      text        not null,
    scan_id       bigint,
    constraint schedule_fire_pkey primary key (repository_id, fire_time),
    constraint schedule_fire_repository_fkey foreign key (repository_id) references repository (id) on delete cascade,
    constraint schedule_fire_scan_fkey foreign key (scan_id) references scan (id) on delete set null
);
