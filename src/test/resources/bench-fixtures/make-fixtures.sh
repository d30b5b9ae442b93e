#!/usr/bin/env bash
# Regenerates the benchmark fixtures of dev.rustlens.bench tests from real runs.
#
# Needs: apt-get install librust-criterion-dev (criterion 0.3 sources in /usr/share/cargo/registry,
# used offline through criterion-crate/.cargo/config.toml) and a nightly toolchain for libtest's
# #![feature(test)] benches (rustup toolchain install nightly).
#
# Produces, next to this script:
#   criterion/<bench>/{new,base}/{estimates,benchmark,sample}.json  copied from target/criterion
#   libtest.txt             stdout of `cargo +nightly bench` in libtest-crate
#   cargo-criterion.ndjson  cargo-criterion is not installed here (it is not packaged in Debian and
#                           crates.io is unreachable), so these `benchmark-complete` lines are
#                           written in its documented --message-format=json shape from the numbers
#                           of criterion/*/new/estimates.json above: the same run, another format.
#   bmf.json                Bencher Metric Format made from the same estimates (latency = mean in
#                           ns with its 95% interval; declared throughput as throughput-bytes or
#                           throughput-elements per second), as rustlens reads the criterion files.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${TMPDIR:-/tmp}/rustlens-bench-fixtures"

(cd "$here/criterion-crate" && CARGO_TARGET_DIR="$target/criterion-crate" cargo bench --offline)
rm -rf "$here/criterion"
(cd "$target/criterion-crate/criterion" && find . -path ./report -prune -o \
    \( -name estimates.json -o -name benchmark.json -o -name sample.json \) -print |
    while read -r file; do
        [[ "$file" == */report/* ]] && continue
        mkdir -p "$here/criterion/$(dirname "$file")"
        cp "$file" "$here/criterion/$file"
    done)

(cd "$here/libtest-crate" && CARGO_TARGET_DIR="$target/libtest-crate" cargo +nightly bench --offline) \
    > "$here/libtest.txt"

python3 - "$here" <<'PY'
import json, pathlib, sys
here = pathlib.Path(sys.argv[1])
lines, bmf = [], {}
for estimates_path in sorted(here.glob("criterion/**/new/estimates.json")):
    estimates = json.loads(estimates_path.read_text())
    bench = json.loads((estimates_path.parent / "benchmark.json").read_text())
    sample = json.loads((estimates_path.parent / "sample.json").read_text())
    def stat(name, unit="ns"):
        e = estimates[name]
        return {"estimate": e["point_estimate"], "lower_bound": e["confidence_interval"]["lower_bound"],
                "upper_bound": e["confidence_interval"]["upper_bound"], "unit": unit}
    throughput = []
    if bench.get("throughput"):
        (kind, per_iteration), = bench["throughput"].items()
        throughput.append({"per_iteration": per_iteration, "unit": kind.lower()})
    lines.append({"reason": "benchmark-complete", "id": bench["full_id"],
                  "report_directory": "target/criterion/reports/" + bench["directory_name"],
                  "iteration_count": [int(i) for i in sample["iters"]], "measured_values": sample["times"],
                  "unit": "ns", "throughput": throughput, "typical": stat("slope") if estimates.get("slope") else stat("mean"),
                  "mean": stat("mean"), "median": stat("median"), "median_abs_dev": stat("median_abs_dev"),
                  "slope": stat("slope") if estimates.get("slope") else None,
                  "change": None})
    mean = estimates["mean"]
    measures = {"latency": {"value": mean["point_estimate"],
                            "lower_value": mean["confidence_interval"]["lower_bound"],
                            "upper_value": mean["confidence_interval"]["upper_bound"]}}
    if throughput:
        per_iteration, kind = throughput[0]["per_iteration"], throughput[0]["unit"]
        interval = mean["confidence_interval"]
        measures["throughput-" + kind] = {"value": per_iteration * 1e9 / mean["point_estimate"],
                                          "lower_value": per_iteration * 1e9 / interval["upper_bound"],
                                          "upper_value": per_iteration * 1e9 / interval["lower_bound"]}
    bmf[bench["full_id"]] = measures
lines.append({"reason": "group-complete", "group_name": "fnv1a", "benchmarks": ["fnv1a/4k"], "report_directory": "target/criterion/reports/fnv1a"})
(here / "cargo-criterion.ndjson").write_text("".join(json.dumps(line) + "\n" for line in lines))
(here / "bmf.json").write_text(json.dumps(bmf, indent=2) + "\n")
PY
echo "fixtures written to $here"
