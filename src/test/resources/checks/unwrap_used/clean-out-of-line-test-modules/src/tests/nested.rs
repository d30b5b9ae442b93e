pub fn deeper() -> u8 {
    Some(2).unwrap()
}
