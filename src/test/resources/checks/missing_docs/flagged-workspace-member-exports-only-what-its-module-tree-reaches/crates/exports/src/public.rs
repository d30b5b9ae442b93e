//! Documented by its own inner docs.

pub fn public_fn() {} // ~ finding: missing_docs

mod inner {
    pub fn not_reachable() {}
}

pub(crate) fn crate_visible() {}
