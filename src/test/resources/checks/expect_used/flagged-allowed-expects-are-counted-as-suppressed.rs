#[allow(clippy::expect_used)]
pub fn allowed(a: Option<u32>) -> u32 {
    a.expect("set by new") // ~ suppressed: expect_used
}

pub fn commented(a: Option<u32>) -> u32 {
    a.expect("set by new") // rustlens:allow(expect_used) ~ suppressed: expect_used
}

#[allow(clippy::unwrap_used)]
pub fn other_lint_allowed(a: Option<u32>) -> u32 {
    a.expect("set by new") // ~ finding: expect_used
}
