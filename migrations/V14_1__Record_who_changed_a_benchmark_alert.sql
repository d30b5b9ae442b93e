-- Who acknowledged or resolved a benchmark alert: the signed-in user or the token's owner, as for
-- triage marks (null for alerts moved before this was recorded, and for open ones).
alter table benchmark_alert add column changed_by text;
