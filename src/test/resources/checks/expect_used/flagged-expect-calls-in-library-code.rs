//! Library code that panics with a message.

pub fn port(text: &str) -> u16 {
    text.parse().expect("a port number") // ~ finding: expect_used
}

pub fn failure(result: Result<u32, String>) -> String {
    result.expect_err("should have failed") // ~ finding: expect_used
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(path)
        .map(|text| text.trim().to_string())
        .expect("readable config") // ~ finding: expect_used
}

pub fn show(value: Option<u32>) -> String {
    format!("{}", value.expect("a value")) // ~ finding: expect_used
}
