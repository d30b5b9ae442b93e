//! Handling the other variant, or only mentioning unwrap, is fine.

/// Doc examples are doctests, and doctests may unwrap:
///
/// ```
/// let x: u32 = "1".parse().unwrap();
/// ```
pub fn defaults(a: Option<u32>, b: Result<u32, String>) -> u32 {
    a.unwrap_or(0) + b.clone().unwrap_or_default() + b.unwrap_or_else(|_| 1)
}

pub fn checked(a: Option<u32>) -> Result<u32, String> {
    // a.unwrap() would panic here, so:
    a.ok_or_else(|| "missing".to_string())
}

pub fn unwrap(x: u32) -> u32 {
    x
}

pub fn call() -> u32 {
    unwrap(1)
}

pub struct Wrapper {
    pub unwrap: u32,
}

pub fn field(wrapper: &Wrapper) -> String {
    format!("{} {}", wrapper.unwrap, "x.unwrap()")
}
