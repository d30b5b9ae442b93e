//! The counters command.
#![warn(clippy::pedantic)]

fn main() {
    println!("{:?}", counters::add(1, 2));
}
