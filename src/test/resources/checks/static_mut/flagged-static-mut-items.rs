//! Global mutable state.

pub static mut COUNTER: u32 = 0; // ~ finding: static_mut

static mut BUFFER: [u8; 4] = [0; 4]; // ~ finding: static_mut

extern "C" {
    static mut errno: i32; // ~ finding: static_mut
}

pub fn bump() {
    static mut LOCAL: u32 = 0; // ~ finding: static_mut
    // SAFETY: single-threaded fixture.
    unsafe {
        LOCAL += 1;
        COUNTER += LOCAL;
        BUFFER[0] = 1;
    }
}

// rustlens:allow(static_mut)
static mut ALLOWED: u8 = 0; // ~ suppressed: static_mut

#[cfg(test)]
mod tests {
    static mut IN_TESTS: u8 = 0; // ~ finding: static_mut
}
