#!/usr/bin/env bash
# Times the pages and JSON endpoints that read one large scan, on the schema PipelineBenchmark
# leaves (rustlens_bench: the corpus's scans and a backfill of 20 commits, the newest with 145,584
# findings): starts the packaged rustlens on it (port 18097, scan workers idle) and prints, per
# request, the best of six round trips and all six. docs/benchmarks.md, "One large scan", has the
# figures and the commands before it.
set -euo pipefail
cd "$(dirname "$0")/.."
token=rlt_survey_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
work=$(mktemp -d)
sql() { psql -h 127.0.0.1 -U postgres -d postgres -Atc "set search_path = rustlens_bench; $1" | tail -n 1; }
newest=$(sql "select max(s.id) from scan s join repository r on r.id = s.repository_id where r.name = 'corpus-backfill'")
repository=$(sql "select repository_id from scan where id = $newest")
earlier=$(sql "select min(id) from scan where repository_id = $repository and id > ($newest - 10)")
if curl -sf http://127.0.0.1:18097/q/health/ready >/dev/null; then echo "port 18097 is taken" >&2; exit 1; fi
/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx640m --enable-native-access=ALL-UNNAMED -Ddb.schema=rustlens_bench \
  -Dquarkus.http.port=18097 -Drustlens.admin.token="$token" -Drustlens.work-dir="$work" \
  -jar target/quarkus-app/quarkus-run.jar >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:18097/q/health/ready >/dev/null && break; sleep 1; done
time_request() { # label url
  local best=999999 all="" code
  for _ in 1 2 3 4 5 6; do
    local start=$(date +%s%N)
    code=$(curl -s -o "$work/body" -w '%{http_code}' -H "Authorization: Bearer $token" "$2")
    local ms=$(( ($(date +%s%N) - start) / 1000000 ))
    all="$all $ms"; (( ms < best )) && best=$ms
  done
  printf '%-36s %s  best %5d ms  (%s )  %s bytes\n' "$1" "$code" "$best" "$all" "$(stat -c %s "$work/body")"
}
api=http://127.0.0.1:18097/api/v1
time_request "scan's findings, first page" "$api/scans/$newest/findings?limit=100"
time_request "scan's findings, one check" "$api/scans/$newest/findings?limit=100&check=missing_docs"
time_request "scan's findings, new ones" "$api/scans/$newest/findings?limit=100&tracking=new"
time_request "scan's findings, path prefix" "$api/scans/$newest/findings?limit=100&path=regex"
time_request "an earlier scan's findings" "$api/scans/$earlier/findings?limit=100"
time_request "scan's fixed findings" "$api/scans/$newest/fixed-findings"
time_request "scan summary" "$api/scans/$newest"
time_request "repository trends" "$api/repositories/$repository/trends"
time_request "repository score" "$api/repositories/$repository/score"
time_request "findings of the repository" "$api/findings?repository=$repository&limit=100"
time_request "crates of the repository" "$api/crates?repository=$repository"
time_request "findings page of the scan" "http://127.0.0.1:18097/findings?scan=$newest&sort=id"
time_request "findings page, by path, page 3" "http://127.0.0.1:18097/findings?scan=$newest&sort=path&page=3"
time_request "findings page, fixed" "http://127.0.0.1:18097/findings?scan=$newest&tracking=fixed"
time_request "CSV export" "$api/scans/$newest/findings.csv"
time_request "SARIF export" "$api/scans/$newest/findings.sarif"
