//! clippy asks `# Safety` of what the crate exports only.

mod private;
pub use private::reexported;

/// A type.
pub struct Buffer;

impl Buffer {
    /// No safety section.
    pub unsafe fn method(&self) {} // ~ finding: missing_safety_doc
    unsafe fn private_method(&self) {}
}

/// A trait.
pub trait Raw {
    /// Declared unsafe in an exported trait.
    unsafe fn get(&self) -> u8; // ~ finding: missing_safety_doc
}

/// An unsafe trait.
pub unsafe trait Zeroable {} // ~ finding: missing_safety_doc

pub(crate) unsafe fn crate_only() {}

#[doc(hidden)]
pub unsafe fn hidden() {}
