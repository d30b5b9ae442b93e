//! Test modules in files of their own are test code, helpers included.

/// One.
pub fn one() -> u8 {
    1
}

#[cfg(test)]
mod tests;

#[cfg(all(test, feature = "slow"))]
mod slow_tests;
