//! The `greeter` command prints a greeting.

fn main() {
    println!("{}", greeter::GREETING);
}
