/// Documented.
pub fn documented() {}
