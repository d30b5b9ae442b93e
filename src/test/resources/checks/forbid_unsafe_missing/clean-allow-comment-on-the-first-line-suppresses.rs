// rustlens:allow(forbid_unsafe_missing) ~ suppressed: forbid_unsafe_missing
//! FFI is planned here; unsafe_code stays allowed on purpose.

/// Adds two numbers without overflow.
pub fn add(a: u32, b: u32) -> Option<u32> {
    a.checked_add(b)
}
