//! Suppressions.

#[allow(missing_docs)]
pub fn allowed() {} // ~ suppressed: missing_docs

#[expect(clippy::missing_docs_in_private_items, reason = "generated")]
pub struct Expected; // ~ suppressed: missing_docs

/// Generated code.
pub mod generated {
    #![allow(missing_docs)]

    pub fn one() {} // ~ suppressed: missing_docs
    pub fn two() {} // ~ suppressed: missing_docs
}

// rustlens:allow(missing_docs) the name says it all
pub const ZERO: u32 = 0; // ~ suppressed: missing_docs

#[allow(dead_code)]
pub fn other_lint() {} // ~ finding: missing_docs
