"this crate requires either `std` (default) or `alloc` to be enabled"
