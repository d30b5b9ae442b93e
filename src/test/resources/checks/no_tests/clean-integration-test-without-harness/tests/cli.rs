//! Runs the examples and compares their output (a custom harness).

fn main() {
    assert_eq!(counters::add(2, 2), Some(4));
}
