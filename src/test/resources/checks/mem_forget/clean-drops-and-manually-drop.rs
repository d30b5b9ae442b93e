//! Values dropped on purpose, and methods that share the name.

use std::mem::ManuallyDrop;

pub struct Cache;

impl Cache {
    pub fn forget(&mut self, _key: &str) {}
}

pub fn explicit(a: Vec<u8>, cache: &mut Cache) -> ManuallyDrop<Vec<u8>> {
    drop(a);
    cache.forget("key");
    Cache::forget(cache, "other");
    ManuallyDrop::new(vec![1])
}
