//! Reads bytes past a bounds check.

/// The first byte, if any.
pub fn first(bytes: &[u8]) -> Option<u8> {
    if bytes.is_empty() {
        return None;
    }
    // SAFETY: the slice is not empty.
    Some(unsafe { *bytes.get_unchecked(0) })
}
