//! Immutable statics and synchronised global state.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

pub static COUNTER: AtomicU32 = AtomicU32::new(0);

static NAMES: Mutex<Vec<String>> = Mutex::new(Vec::new());

pub const LIMIT: u32 = 10;

pub fn bump() -> u32 {
    let mut local = 0;
    local += 1;
    NAMES.lock().map(|names| names.len()).unwrap_or(0) as u32 + COUNTER.fetch_add(local, Ordering::Relaxed)
}
