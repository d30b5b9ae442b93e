//! A submodule of the core module is core too.

pub fn abs(x: i32) -> i32 {
    // SAFETY: `abs` has no preconditions.
    unsafe { super::abs(x) }
}
