//! Functions documented in words only.

/// Adds one.
pub fn add_one(x: u32) -> u32 { // ~ finding: missing_doc_example
    x + 1
}

/// A counter.
pub struct Counter(u32);

impl Counter {
    /// Creates a counter at zero.
    pub fn new() -> Self { // ~ finding: missing_doc_example
        Counter(0)
    }

    /// Counts one more.
    ///
    /// # Panics
    /// When the count overflows; `count.bump()` is the whole usage.
    pub fn bump(&mut self) { // ~ finding: missing_doc_example
        self.0 += 1;
    }
}

extern "C" {
    /// A C function.
    pub fn c_abs(x: i32) -> i32; // ~ finding: missing_doc_example
}

#[doc = "Documented by an attribute."]
pub const fn by_attribute() {} // ~ finding: missing_doc_example
