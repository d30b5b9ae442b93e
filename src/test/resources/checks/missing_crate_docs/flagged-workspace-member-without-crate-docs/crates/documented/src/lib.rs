//! Parses configuration files.

/// Whether a line is a comment.
pub fn is_comment(line: &str) -> bool {
    line.starts_with('#')
}
