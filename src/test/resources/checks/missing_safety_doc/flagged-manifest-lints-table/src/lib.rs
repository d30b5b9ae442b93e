//! Cargo's [lints] table allows the lint; an attribute can warn again.

pub unsafe fn allowed_by_the_table() {} // ~ suppressed: missing_safety_doc

#[warn(clippy::missing_safety_doc)]
pub unsafe fn warned_again() {} // ~ finding: missing_safety_doc
