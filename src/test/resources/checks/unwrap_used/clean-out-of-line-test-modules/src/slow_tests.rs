pub fn slow() -> u8 {
    todo!("one day: {}", Some(3).unwrap())
}
