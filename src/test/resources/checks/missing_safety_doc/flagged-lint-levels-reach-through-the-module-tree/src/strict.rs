//! Loud again.

pub unsafe fn loud() {} // ~ finding: missing_safety_doc

#[allow(clippy::all)]
pub unsafe fn quiet_by_group() {} // ~ suppressed: missing_safety_doc

pub mod inner {
    #![allow(clippy::style)]

    pub unsafe fn quiet_by_inner_group() {} // ~ suppressed: missing_safety_doc
}
