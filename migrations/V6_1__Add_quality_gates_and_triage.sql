-- The quality gate of a repository: its conditions and its new-code baseline (as SonarQube's
-- new-code definitions: the previous scan, the last scan before a date, the newest scan of a
-- reference branch, or a chosen scan). Repositories without a row use the default gate.
create table quality_gate (
    repository_id  bigint not null,
    conditions     jsonb  not null,
    baseline       text   not null default 'previous_scan',
    baseline_value text,
    constraint quality_gate_pkey primary key (repository_id),
    constraint quality_gate_repository_fkey foreign key (repository_id) references repository (id) on delete cascade,
    constraint quality_gate_baseline_check check (baseline in ('previous_scan', 'date', 'branch', 'scan'))
);

-- The gate's verdict on each succeeded scan, with every condition's actual and expected value.
create table gate_result (
    scan_id          bigint      not null,
    baseline_scan_id bigint,
    passed           boolean     not null,
    conditions       jsonb       not null,
    new_code         jsonb       not null,
    evaluated_at     timestamptz not null default now(),
    constraint gate_result_pkey primary key (scan_id),
    constraint gate_result_scan_fkey foreign key (scan_id) references scan (id) on delete cascade,
    constraint gate_result_baseline_fkey foreign key (baseline_scan_id) references scan (id) on delete set null
);

-- Findings marked accepted or false positive, by fingerprint, so the mark follows the finding
-- across scans; marked findings leave the score and the gate until the mark expires.
create table finding_triage (
    repository_id bigint      not null,
    fingerprint   text        not null,
    status        text        not null,
    reason        text        not null,
    marked_by     text        not null,
    marked_at     timestamptz not null default now(),
    expires_at    timestamptz,
    constraint finding_triage_pkey primary key (repository_id, fingerprint),
    constraint finding_triage_repository_fkey foreign key (repository_id) references repository (id) on delete cascade,
    constraint finding_triage_status_check check (status in ('accepted', 'false_positive'))
);
