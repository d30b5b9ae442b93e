// ~ finding: missing_crate_docs
/// The greeting.
pub const GREETING: &str = "hello";
