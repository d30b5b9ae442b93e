#!/bin/sh
cargo test
# cargo miri test  (not yet)
