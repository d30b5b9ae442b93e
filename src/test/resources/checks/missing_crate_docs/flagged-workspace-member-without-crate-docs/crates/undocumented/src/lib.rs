// ~ finding: missing_crate_docs
/// Whether a line is blank.
pub fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}
