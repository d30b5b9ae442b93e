//! Library code that unwraps.

use std::collections::HashMap;

pub fn first(values: &[u32]) -> u32 {
    *values.first().unwrap() // ~ finding: unwrap_used
}

pub fn parse(text: &str) -> u32 {
    text.trim()
        .parse::<u32>()
        .unwrap() // ~ finding: unwrap_used
}

pub fn failure(result: Result<u32, String>) -> String {
    result.unwrap_err() // ~ finding: unwrap_used
}

pub fn show(map: &HashMap<String, u32>) -> String {
    format!("{} {}", map.get("a").unwrap(), map.len()) // ~ finding: unwrap_used
}

pub fn several(a: Option<u32>, b: Option<u32>) -> String {
    format!(
        "{} {}",
        a.unwrap_or(0),
        b.unwrap() // ~ finding: unwrap_used
    )
}

pub struct Cache {
    inner: std::sync::Mutex<u32>,
}

impl Cache {
    pub fn get(&self) -> u32 {
        *self.inner.lock().unwrap() // ~ finding: unwrap_used
    }
}
