-- clippy and rustc diagnostics uploaded for a commit (docs/diagnostics.md). They belong to the
-- commit, not to a scan: every scan of it, stored before or after the upload, gets them as
-- findings. A new upload for the commit replaces the earlier one.
create table diagnostic_import (
    repository_id bigint      not null,
    commit_sha    text        not null,
    diagnostics   jsonb       not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null default now(),
    constraint diagnostic_import_pkey primary key (repository_id, commit_sha),
    constraint diagnostic_import_repository_fkey foreign key (repository_id) references repository (id) on delete cascade
);

-- The imported lints that reported the same site as one of our findings: one finding, both sources.
alter table finding add column also_reported_by text[];
