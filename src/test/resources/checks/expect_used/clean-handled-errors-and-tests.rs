//! Errors handled, and expect only in tests.

pub fn port(text: &str) -> Result<u16, std::num::ParseIntError> {
    text.parse()
}

pub struct Parser {
    pub expect: char,
}

impl Parser {
    pub fn expect(&self, c: char) -> bool {
        self.expect == c
    }
}

pub fn expected(parser: &Parser) -> char {
    parser.expect
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses() {
        assert_eq!(super::port("80").expect("valid"), 80);
    }
}

#[test]
fn fails() {
    super::port("x").expect_err("invalid");
}
