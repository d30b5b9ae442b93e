//! Builds a vector with unchecked reads.

/// The first two bytes.
pub fn pair(bytes: &[u8; 2]) -> Vec<u8> {
    // SAFETY: the array has two elements.
    vec![unsafe { *bytes.get_unchecked(0) }, bytes[1]]
}
