#!/usr/bin/env bash
# Lints every Dockerfile in docker/ with dockerfile-utils (rcjsuen/dockerfile-utils, the linter of the
# Dockerfile language server), pinned with its integrity hash in package-lock.json beside this script,
# and fails on anything it reports, warnings included. hadolint would check more (shellcheck inside
# RUN, pinned package versions), but it ships as a binary that neither npm, Debian nor Maven Central
# offers, and nothing outside those registries can be fetched here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
status=0
for dockerfile in "$here"/../Dockerfile*; do
  if ! report="$("$work/node_modules/.bin/dockerfile-utils" lint "$dockerfile")" || [[ -n $report ]]; then
    echo "docker/${dockerfile##*/}: dockerfile-utils reports" >&2
    echo "$report" >&2
    status=1
  fi
done
[[ $status -ne 0 ]] || echo "dockerfile-utils: no problem in docker/Dockerfile*"
exit $status
