#!/usr/bin/env bash
# Writes the analyzer version: a digest of every source that decides what the analysis finds
# (AnalyzerVersion lists them: the analysis and parser code, the queries, the native parser's
# sources and pins, the build's dependency versions). Cached file results are reused only
# under the same version, so any change there invalidates them by construction.
# Run by the Maven build (generate-resources). Usage: analyzer-version.sh OUT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
out=${1:?usage: analyzer-version.sh OUT_DIR}
mkdir -p "$out/dev/rustlens/analysis"
cd "$root"
# The same listing AnalyzerVersion.digest builds: "sha256  path" lines, paths in byte order.
digest=$(find src/main/java/dev/rustlens/analysis src/main/java/dev/rustlens/parser \
    src/main/resources/checks src/main/resources/analysis src/main/native pom.xml -type f \
    ! -path 'src/main/native/node_modules/*' -print0 \
  | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
printf '%s\n' "$digest" > "$out/dev/rustlens/analysis/analyzer-version.txt"
