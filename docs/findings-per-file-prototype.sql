-- What storing findings once per file (per path and findings, shared along a branch) would store
-- and cost to read, measured on the schema that PipelineBenchmark leaves (rustlens_bench: the
-- corpus's first scan, its unchanged rescan, and a backfill of 20 commits). docs/database.md,
-- "Findings per file", gives the figures and the command. It adds tables and a view to that
-- schema only (scan_path, finding_row, finding_v); the benchmark drops the schema when it runs again.
set search_path = rustlens_bench;
drop view if exists finding_v;
drop table if exists finding_row, scan_path;

create table scan_path (scan_id bigint not null, path text not null, rows_scan_id bigint not null,
  crate_snapshot_id bigint not null, digest text not null, primary key (scan_id, path));
insert into scan_path
select f.scan_id, f.path, f.scan_id, min(f.crate_snapshot_id),
  md5(string_agg(concat_ws('|', f.check_id, f.severity, f.line, f.col, f.end_line, f.end_col, f.message,
      f.in_test_code, f.suppression, f.fingerprint, f.also_reported_by::text, c.name), E'\n'
      order by f.fingerprint, f.line, f.col, f.check_id))
from finding f join crate_snapshot cs on cs.id = f.crate_snapshot_id join crate c on c.id = cs.crate_id
group by f.scan_id, f.path;
do $$ declare r record; begin
 for r in select s.id, s.previous_scan_id from scan s join repository p on p.id = s.repository_id
          where p.name = 'corpus-backfill' and s.status = 'succeeded' and s.previous_scan_id is not null
          order by s.committed_at, s.id loop
   update scan_path c set rows_scan_id = p.rows_scan_id from scan_path p
    where c.scan_id = r.id and p.scan_id = r.previous_scan_id and p.path = c.path and p.digest = c.digest;
 end loop; end $$;
alter table scan_path drop column digest;
create table finding_row as select f.* from finding f join scan_path sp on sp.scan_id = f.scan_id and sp.path = f.path
 where sp.rows_scan_id = sp.scan_id;
alter table finding_row add primary key (id);
create index on finding_row (scan_id, path, line, col, check_id, id);
create index on finding_row (scan_id, fingerprint);
create index on finding_row (scan_id, id);
create index on finding_row (crate_snapshot_id);
create index on finding_row (fingerprint);
create index on scan_path (rows_scan_id, path);
analyze scan_path; analyze finding_row; analyze finding;
create view finding_v as select fr.id, sp.scan_id, sp.crate_snapshot_id, fr.check_id, fr.severity, fr.path, fr.line,
  fr.col, fr.end_line, fr.end_col, fr.message, fr.in_test_code, fr.suppression, fr.fingerprint,
  case when sp.rows_scan_id = sp.scan_id then fr.tracking else 'unchanged' end as tracking, fr.also_reported_by
 from scan_path sp join finding_row fr on fr.scan_id = sp.rows_scan_id and fr.path = sp.path;
select pg_size_pretty(pg_total_relation_size('finding')) finding, pg_size_pretty(pg_total_relation_size('finding_row')) finding_row,
  pg_size_pretty(pg_total_relation_size('scan_path')) scan_path, (select count(*) from finding_row) rows_kept, (select count(*) from scan_path) paths;

-- Reads, the table against the view (each pair: the table's plan first), for the newest backfilled scan (it takes most of its paths
-- from earlier scans).
select max(s.id) as newest from scan s join repository p on p.id = s.repository_id where p.name = 'corpus-backfill' \gset
select count(*) filter (where rows_scan_id = scan_id) own, count(*) from scan_path where scan_id = :newest;
\echo == page by id, table vs view
explain (analyze, costs off, timing off, summary on) select * from finding where scan_id = :newest and id > 0 order by id limit 101;
explain (analyze, costs off, timing off, summary on) select * from finding_v where scan_id = :newest and id > 0 order by id limit 101;
\echo == page by path
explain (analyze, costs off, timing off, summary on) select * from finding where scan_id = :newest order by path, line, col, check_id, id limit 101;
explain (analyze, costs off, timing off, summary on) select * from finding_v where scan_id = :newest order by path, line, col, check_id, id limit 101;
\echo == fingerprint probe
select fingerprint from finding where scan_id = :newest offset 5000 limit 1 \gset
explain (analyze, costs off, timing off, summary on) select * from finding where scan_id = :newest and fingerprint = :'fingerprint';
explain (analyze, costs off, timing off, summary on) select * from finding_v where scan_id = :newest and fingerprint = :'fingerprint';
\echo == whole scan (export)
explain (analyze, costs off, timing off, summary on) select * from finding where scan_id = :newest order by id;
explain (analyze, costs off, timing off, summary on) select * from finding_v where scan_id = :newest order by id;
\echo == filter by check, page
explain (analyze, costs off, timing off, summary on) select * from finding where scan_id = :newest and check_id = 'missing_docs' order by id limit 101;
explain (analyze, costs off, timing off, summary on) select * from finding_v where scan_id = :newest and check_id = 'missing_docs' order by id limit 101;
\echo == new code for the gate: findings without a baseline finding of the same fingerprint
select previous_scan_id as prev from scan where id = :newest \gset
explain (analyze, costs off, timing off, summary on) select count(*) from finding n where n.scan_id = :newest
  and not exists (select 1 from finding b where b.scan_id = :prev and b.fingerprint = n.fingerprint);
explain (analyze, costs off, timing off, summary on) select count(*) from finding_v n where n.scan_id = :newest
  and not exists (select 1 from finding_v b where b.scan_id = :prev and b.fingerprint = n.fingerprint);
