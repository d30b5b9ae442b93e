//! Crate documentation.

/// A documented function.
pub fn documented() {}

/** A block doc comment. */
pub struct Block;

#[doc = "Documented by an attribute."]
pub enum ByAttribute {
    /// Variants need docs too.
    A,
}

/// Documented, with attributes between the docs and the item.
#[derive(Debug)]
#[non_exhaustive]
pub struct Derived;

/// Documented above a comment.
// An ordinary comment between.
pub const LIMIT: u32 = 3;

fn private() {}

struct Private;

pub(crate) fn crate_visible() {}

/// A module.
pub mod documented_mod {
    pub(super) fn parent_visible() {}

    /// A documented function in a module.
    pub fn inner() {}
}

pub mod inner_docs {
    //! Documented by its inner doc comment.
}

pub mod inner_doc_attribute {
    #![doc = "Documented by an inner attribute."]
}

pub mod declared_elsewhere;

#[doc(hidden)]
pub fn hidden() {}

#[doc(hidden)]
pub mod internals {
    pub fn helper() {}
}

/// A type.
pub struct Type;

#[doc(hidden)]
impl Type {
    pub fn hidden_method(&self) {}
}

pub use std::fmt::Debug;

fn body() {
    pub struct InBody;
}

#[cfg(test)]
mod tests {
    pub fn helper() {}

    #[test]
    fn works() {}
}

#[test]
pub fn public_test() {}
