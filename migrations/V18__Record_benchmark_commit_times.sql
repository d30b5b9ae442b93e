-- When a benchmark result's commit was made, as the uploader gave it (committedAt); charts put
-- results at their commit's time, falling back to the commit's scan and then to the upload time.
alter table benchmark_result add column committed_at timestamptz;
