//! Functions with examples, and functions this check leaves alone.

/// Adds one.
///
/// ```
/// assert_eq!(fixture::add_one(1), 2);
/// ```
pub fn add_one(x: u32) -> u32 {
    x + 1
}

/** Subtracts one.

~~~
assert_eq!(fixture::sub_one(2), 1);
~~~
*/
pub fn sub_one(x: u32) -> u32 {
    x - 1
}

/// Example as an attribute.
#[doc = "```"]
#[doc = "fixture::attributed();"]
#[doc = "```"]
pub fn attributed() {}

pub fn undocumented() {}

/// Private, so no example is needed.
fn private() {}

/// Crate-visible, so no example is needed.
pub(crate) fn crate_visible() {}

/// Hidden from the docs.
#[doc(hidden)]
pub fn hidden() {}

/// A struct; only functions need examples.
pub struct Plain;

#[cfg(test)]
mod tests {
    /// A documented test helper.
    pub fn helper() {}
}
