pub fn add(a: u32, b: u32) -> u32 {
    a + b
}

#[cfg(test)]
mod tests {
    fn parsed(text: &str) -> u32 {
        text.parse().unwrap()
    }

    #[test]
    fn adds() {
        assert_eq!(super::add(parsed("2"), 1).checked_add(0).unwrap(), 3);
    }
}

#[test]
fn top_level_test() {
    assert_eq!("1".parse::<u32>().unwrap(), 1);
}
