//! Async code that blocks its thread.

use std::fs;
use std::fs::File;
use std::thread;
use std::time::Duration;

pub async fn wait() {
    std::thread::sleep(Duration::from_millis(10)); // ~ finding: blocking_in_async
    thread::sleep(Duration::from_millis(10)); // ~ finding: blocking_in_async
}

pub async fn load(path: &str) -> std::io::Result<String> {
    let text = std::fs::read_to_string(path)?; // ~ finding: blocking_in_async
    fs::write("copy.txt", &text)?; // ~ finding: blocking_in_async
    let _file = File::open(path)?; // ~ finding: blocking_in_async
    let _created = std::fs::File::create("out.txt")?; // ~ finding: blocking_in_async
    Ok(text)
}

pub fn spawn_work() -> impl std::future::Future<Output = Vec<u8>> {
    async {
        fs::read("data.bin").unwrap_or_default() // ~ finding: blocking_in_async
    }
}

pub async fn sizes(paths: &[&str]) -> Vec<u64> {
    paths
        .iter()
        .map(|path| fs::metadata(path).map(|m| m.len()).unwrap_or(0)) // ~ finding: blocking_in_async
        .collect()
}

pub struct Store;

impl Store {
    pub async fn clear(&self) {
        let _ = fs::remove_file("store.db"); // ~ finding: blocking_in_async
    }
}

pub mod imported_sleep {
    use std::thread::sleep;

    pub async fn nap() {
        sleep(std::time::Duration::from_millis(1)); // ~ finding: blocking_in_async
    }
}

pub fn async_closure() {
    let _closure = async || {
        ::std::thread::sleep(std::time::Duration::from_millis(1)); // ~ finding: blocking_in_async
    };
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn waits() {
        std::thread::sleep(std::time::Duration::from_millis(1)); // ~ finding: blocking_in_async
    }
}
