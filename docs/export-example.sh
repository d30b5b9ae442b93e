#!/usr/bin/env bash
# Exports a scan of a repository from rustlens: its findings as SARIF 2.1.0 (for GitHub code
# scanning) and CSV, and its crates' scores and metrics as CSV.
#
#   RUSTLENS_URL=http://localhost:8080 RUSTLENS_TOKEN=rlt_... docs/export-example.sh NAME GIT_URL [BRANCH] [OUT_DIR]
#
# It registers the repository under NAME unless one of that name exists, queues a scan, waits for
# it, and writes scan-<id>.sarif, scan-<id>-findings.csv and scan-<id>-crates.csv to OUT_DIR
# (default: the current directory). The token needs the maintainer role (see docs/api.md).
# Needs curl and jq.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,11p' "$0" >&2
  exit 2
fi
name=$1 repository_url=$2 branch=${3:-main} out=${4:-.}
base=${RUSTLENS_URL:-http://localhost:8080}
token=${RUSTLENS_TOKEN:?set RUSTLENS_TOKEN to an API token of a maintainer or admin}
mkdir -p "$out"

api() { # curl with the token; fails on an HTTP error and shows rustlens's problem detail
  local response status
  response=$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $token" "$@")
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  if (( status >= 400 )); then
    echo "rustlens answered $status: $(jq -r '.detail // .' <<<"$response" 2>/dev/null || echo "$response")" >&2
    return 1
  fi
  printf '%s' "$response"
}

id=$(api -G "$base/api/v1/repositories" --data-urlencode "q=$name" \
  | jq -r --arg name "$name" '.[] | select(.name == $name) | .id')
if [[ -z $id ]]; then
  id=$(api -X POST "$base/api/v1/repositories" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg name "$name" --arg url "$repository_url" --arg branch "$branch" \
      '{name: $name, url: $url, branch: $branch}')" | jq -r .id)
  echo "registered $name as repository $id"
fi

scan=$(api -X POST "$base/api/v1/repositories/$id/scans" | jq -r .id)
echo "scan $scan queued; waiting for it"
for _ in $(seq 1 900); do
  status=$(api "$base/api/v1/scans/$scan" | jq -r .status)
  case $status in
    succeeded) break ;;
    failed | cancelled)
      echo "scan $scan $status: $(api "$base/api/v1/scans/$scan" | jq -r .error)" >&2
      exit 1 ;;
  esac
  sleep 2
done
[[ $status == succeeded ]] || { echo "scan $scan did not end within 30 minutes" >&2; exit 1; }

api "$base/api/v1/scans/$scan/findings.sarif" > "$out/scan-$scan.sarif"
api "$base/api/v1/scans/$scan/findings.csv" > "$out/scan-$scan-findings.csv"
api "$base/api/v1/scans/$scan/crates.csv" > "$out/scan-$scan-crates.csv"
echo "scan $scan: $(jq '.runs[0].results | length' "$out/scan-$scan.sarif") findings," \
  "$(($(wc -l < "$out/scan-$scan-crates.csv") - 1)) crates; written to $out"
