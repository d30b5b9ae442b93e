//! One allow explained in a comment instead.

// rustlens:allow(allow_without_reason) MSRV 1.70 has no lint reasons
#[allow(dead_code)] // ~ suppressed: allow_without_reason
fn unused() {}

#[allow(dead_code)] // ~ finding: allow_without_reason
fn also_unused() {}
