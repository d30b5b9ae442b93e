// ~ finding: forbid_unsafe_missing
//! Prints a greeting.

fn main() {
    println!("hello");
}
