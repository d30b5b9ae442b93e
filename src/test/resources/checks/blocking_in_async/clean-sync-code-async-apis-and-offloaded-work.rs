//! Blocking calls outside async code, async APIs inside it, and work handed to a blocking pool.

use std::time::Duration;
use tokio::fs;
use tokio::fs::File;
use tokio::time::sleep;

pub fn sync_load(path: &str) -> std::io::Result<String> {
    std::thread::sleep(Duration::from_millis(1));
    std::fs::read_to_string(path)
}

pub async fn load(path: &str) -> std::io::Result<String> {
    sleep(Duration::from_millis(1)).await;
    tokio::time::sleep(Duration::from_millis(1)).await;
    let _file = File::open(path).await?;
    fs::write("copy.txt", b"x").await?;
    tokio::fs::read_to_string(path).await
}

pub async fn offloaded(path: String) -> std::io::Result<String> {
    let copy = path.clone();
    tokio::task::spawn_blocking(move || std::fs::read_to_string(copy)).await??;
    let handle = tokio::runtime::Handle::current();
    handle.spawn_blocking(|| std::thread::sleep(Duration::from_millis(1))).await?;
    tokio::task::block_in_place(|| std::fs::remove_file("old.txt"))?;
    std::thread::spawn(move || std::fs::read(path)).join().ok();
    Ok(String::new())
}

pub async fn nested() -> u64 {
    fn helper() -> u64 {
        std::fs::metadata("x").map(|m| m.len()).unwrap_or(0)
    }
    helper()
}

pub mod with_std_fs_elsewhere {
    pub async fn load(path: &str) -> std::io::Result<Vec<u8>> {
        // `fs` here is not imported from std in this module.
        fs::read(path).await
    }
}
