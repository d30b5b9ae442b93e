//! A file pulled in where an expression stands is one expression, not a module.

#[cfg(not(any(feature = "std", feature = "alloc")))]
compile_error!(include!("features_check/error.rs"));

pub fn main_table() -> &'static [u8] {
    &include!("table.rs")
}
