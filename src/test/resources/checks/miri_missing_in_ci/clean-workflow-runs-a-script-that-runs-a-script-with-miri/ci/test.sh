#!/bin/sh
set -e
cargo test
./ci/miri
