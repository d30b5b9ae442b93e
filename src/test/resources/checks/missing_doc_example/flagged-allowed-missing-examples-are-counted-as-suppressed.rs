//! Suppressions.

/// Too simple for an example.
#[allow(rustdoc::missing_doc_code_examples)]
pub fn simple() {} // ~ suppressed: missing_doc_example

/// Also simple.
// rustlens:allow(missing_doc_example)
pub fn also_simple() {} // ~ suppressed: missing_doc_example

/// Suppressed for something else.
#[allow(missing_docs)]
pub fn other() {} // ~ finding: missing_doc_example
