pub unsafe fn reexported() {} // ~ finding: missing_safety_doc

pub unsafe fn not_reexported() {}

/// An unsafe trait binds its implementations whether or not the crate exports it (clippy asks too).
pub unsafe trait NotExportedTrait {} // ~ finding: missing_safety_doc

#[doc(hidden)]
pub unsafe trait HiddenTrait {}
