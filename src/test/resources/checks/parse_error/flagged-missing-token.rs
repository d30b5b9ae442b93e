// A token the parser had to assume: tree-sitter inserts a MISSING `;` and carries on.
pub fn total() -> u32 {
    let x = 1 // ~ finding: parse_error
    x
}
