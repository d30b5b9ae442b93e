//! Bidirectional text written as escapes, and other Unicode, is fine.

/// A right-to-left override, escaped.
pub const OVERRIDE: char = '\u{202e}';

/// Hebrew and Arabic text have their direction by themselves.
pub const GREETING: &str = "שלום, مرحبا";

// café, naïve: accents are not control characters.
pub fn accents() -> &'static str {
    "été"
}
