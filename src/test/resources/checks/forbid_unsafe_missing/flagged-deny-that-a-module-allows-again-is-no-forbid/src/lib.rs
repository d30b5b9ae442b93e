#![deny(unsafe_code)] // ~ finding: forbid_unsafe_missing
//! Denies unsafe code, but a module allows it again: that is not what `forbid` means.

mod ffi;

/// Adds.
pub fn add(a: u32, b: u32) -> u32 {
    ffi::add(a, b)
}
