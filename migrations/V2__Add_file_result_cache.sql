-- Per-file analysis results keyed by content: a file whose git blob was analysed before, by the
-- same analyzer version, is not parsed again. This is what makes rescans and history backfill
-- cheap. Rows are written once and never updated; the result is the analyzer's FileResult as JSON.
create table file_result (
    blob_id          text        not null,
    analyzer_version text        not null,
    result           jsonb       not null,
    created_at       timestamptz not null default now(),
    constraint file_result_pkey primary key (blob_id, analyzer_version)
);
