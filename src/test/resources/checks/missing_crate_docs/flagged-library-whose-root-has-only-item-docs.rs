// ~ finding: missing_crate_docs
#![forbid(unsafe_code)]

/// Item docs document `add`, not the crate.
pub fn add(a: u32, b: u32) -> Option<u32> {
    a.checked_add(b)
}
