//! The core module.

pub fn first(bytes: &[u8]) -> u8 {
    assert!(!bytes.is_empty());
    // SAFETY: the slice is not empty.
    unsafe { *bytes.get_unchecked(0) }
}
