//! Quiet.

pub unsafe fn quiet() {} // ~ suppressed: missing_safety_doc
