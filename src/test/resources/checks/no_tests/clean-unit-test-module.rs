//! Checked arithmetic.

/// Adds two numbers without overflow.
pub fn add(a: u32, b: u32) -> Option<u32> {
    a.checked_add(b)
}

#[cfg(test)]
mod tests {
    #[test]
    fn overflow_is_none() {
        assert_eq!(super::add(u32::MAX, 1), None);
    }
}
