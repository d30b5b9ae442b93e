//! Counts things.

/// Counts the bytes of `haystack`.
pub fn count(haystack: &[u8]) -> usize {
    return haystack.len();
}

#[cfg(test)]
mod tests {
    fn double(x: usize) -> usize {
        return 2 * x;
    }

    #[test]
    fn doubles() {
        assert_eq!(double(2), 4);
    }
}
