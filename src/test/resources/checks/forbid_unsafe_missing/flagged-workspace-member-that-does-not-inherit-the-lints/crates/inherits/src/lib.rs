//! Inherits `unsafe_code = "forbid"` from the workspace.

/// Doubles a number.
pub fn double(x: u32) -> u32 {
    x.saturating_mul(2)
}
