//! A binary: nothing of it is public API.

pub fn helper() {}

fn main() {
    helper();
}
