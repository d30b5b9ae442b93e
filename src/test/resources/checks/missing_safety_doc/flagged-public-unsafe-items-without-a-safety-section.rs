//! Public unsafe API that does not tell callers what they must uphold.

pub unsafe fn undocumented(p: *const u8) -> u8 { // ~ finding: missing_safety_doc
    *p
}

/// Reads a byte.
///
/// # Panics
/// Never.
pub unsafe fn documented_without_safety(p: *const u8) -> u8 { // ~ finding: missing_safety_doc
    *p
}

/// Reads a byte; the pointer must be valid (said in passing, not under `# Safety`).
#[inline]
pub const unsafe fn const_fn(p: *const u8) -> u8 { // ~ finding: missing_safety_doc
    *p
}

pub struct Buffer(Vec<u8>);

impl Buffer {
    /// Gets a byte without checking the index.
    pub unsafe fn get_unchecked(&self, index: usize) -> u8 { // ~ finding: missing_safety_doc
        *self.0.get_unchecked(index)
    }
}

/// A source of bytes.
pub trait Source {
    /// Reads without checks.
    unsafe fn read_unchecked(&self) -> u8; // ~ finding: missing_safety_doc

    unsafe fn read_default(&self) -> u8 { // ~ finding: missing_safety_doc
        0
    }
}

/// Types that are plain old data.
pub unsafe trait Pod {} // ~ finding: missing_safety_doc

#[allow(clippy::missing_safety_doc)]
pub unsafe fn allowed(p: *const u8) -> u8 { // ~ suppressed: missing_safety_doc
    *p
}

// rustlens:allow(missing_safety_doc)
pub unsafe fn commented(p: *const u8) -> u8 { // ~ suppressed: missing_safety_doc
    *p
}
