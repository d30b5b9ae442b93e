//! The library part returns its own errors.

/// Parses a count.
pub fn count(text: &str) -> Result<u32, std::num::ParseIntError> {
    text.parse()
}
