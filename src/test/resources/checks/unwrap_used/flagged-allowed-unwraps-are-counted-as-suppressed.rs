#[allow(clippy::unwrap_used)]
pub fn allowed(a: Option<u32>) -> u32 {
    a.unwrap() // ~ suppressed: unwrap_used
}

#[expect(clippy::unwrap_used, reason = "the caller checks is_some first")]
pub fn expected(a: Option<u32>) -> u32 {
    a.unwrap() // ~ suppressed: unwrap_used
}

pub mod inner {
    #![allow(clippy::unwrap_used)]

    pub fn first(values: &[u32]) -> u32 {
        *values.first().unwrap() // ~ suppressed: unwrap_used
    }
}

pub fn commented(a: Option<u32>) -> u32 {
    // rustlens:allow(unwrap_used) the caller checks is_some first
    a.unwrap() // ~ suppressed: unwrap_used
}

pub fn other_lint_allowed(a: Option<u32>) -> u32 {
    #[allow(clippy::expect_used)]
    let value = a.unwrap(); // ~ finding: unwrap_used
    value
}
