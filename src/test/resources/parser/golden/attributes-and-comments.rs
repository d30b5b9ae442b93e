//! Crate docs.
#![forbid(unsafe_code)]
#![warn(clippy::pedantic)]
#![doc = "more crate docs"]
#![cfg_attr(docsrs, feature(doc_cfg))]

/*! Inner block docs. */

/** Outer block docs. */
#[derive(Debug, Clone)]
#[repr(C)]
pub struct Config;

/// Line docs.
///
/// # Safety
///
/// ```
/// let x = 1;
/// ```
#[allow(clippy::needless_return, reason = "kept for symmetry")]
#[expect(dead_code)]
#[doc(hidden)]
#[inline]
pub fn configured() {}

#[cfg(test)]
mod tests {
    #[test]
    fn works() {}

    #[tokio::test]
    async fn works_async() {}
}

fn body() {
    #![allow(unused)]
    // SAFETY: nothing unsafe here.
    /* a block comment */
    let _ = 1;
}
