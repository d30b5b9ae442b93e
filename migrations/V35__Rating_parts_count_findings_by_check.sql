-- A rating part kept the fingerprint of every finding that cost it points: 5.3 MB of a 7.9 MB
-- unchanged rescan of the corpus, written again with every scan. It keeps how many findings of
-- each check cost it points instead ("findingsByCheck"); the findings themselves are the crate's
-- counted findings of those checks, which the findings views list (counted=true). Stored parts
-- are converted by looking their fingerprints up among the findings of their scan (those of the
-- scan whose rows it shares, when it shares them). Parts already converted are left alone, so
-- the statement can run again.
update crate_snapshot s
set ratings = (
    select jsonb_agg(case when not exists (select 1 from jsonb_array_elements(rating -> 'parts') p where p -> 'findings' is not null)
        then rating
        else jsonb_set(rating, '{parts}', (
            select coalesce(jsonb_agg(case when part -> 'findings' is not null
                then (part - 'findings') || jsonb_build_object('findingsByCheck', (
                    select coalesce(jsonb_object_agg(counted.check_id, counted.findings), '{}'::jsonb)
                    from (select f.check_id, count(distinct f.fingerprint) as findings
                          from jsonb_array_elements_text(part -> 'findings') as listed(fingerprint)
                          join finding f on f.scan_id = coalesce(sc.findings_of, sc.id)
                                        and f.fingerprint = listed.fingerprint
                          group by f.check_id) counted))
                else part end order by part_index), '[]'::jsonb)
            from jsonb_array_elements(rating -> 'parts') with ordinality as parts(part, part_index)))
        end order by rating_index)
    from jsonb_array_elements(s.ratings) with ordinality as ratings(rating, rating_index))
from scan sc
where sc.id = s.scan_id
  and jsonb_typeof(s.ratings) = 'array'
  and exists (select 1 from jsonb_array_elements(s.ratings) r, jsonb_array_elements(r -> 'parts') p
              where p -> 'findings' is not null);
