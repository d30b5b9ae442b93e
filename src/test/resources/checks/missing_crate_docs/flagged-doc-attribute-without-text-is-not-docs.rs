// ~ finding: missing_crate_docs
#![doc(html_root_url = "https://docs.rs/counters/0.1.0")]

/// Adds two numbers without overflow.
pub fn add(a: u32, b: u32) -> Option<u32> {
    a.checked_add(b)
}
