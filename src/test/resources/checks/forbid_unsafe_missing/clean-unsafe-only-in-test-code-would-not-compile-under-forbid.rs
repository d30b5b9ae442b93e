//! Safe library code whose tests use unsafe: forbid(unsafe_code) would reject the tests.

/// The first byte, if any.
pub fn first(bytes: &[u8]) -> Option<u8> {
    bytes.first().copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn agrees_with_unchecked_access() {
        let bytes = [7u8, 8];
        // SAFETY: the array has two elements.
        assert_eq!(super::first(&bytes), Some(unsafe { *bytes.get_unchecked(0) }));
    }
}
