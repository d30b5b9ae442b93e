//! A library with its own error type; anyhow only inside.

use std::fmt;

/// The library's error.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The library's result.
pub type Result<T> = std::result::Result<T, Error>;

pub fn parse(text: &str) -> Result<u32> {
    text.parse().map_err(|_| Error(text.to_string()))
}

pub fn describe(error: &Error) -> String {
    error.to_string()
}

pub fn io(path: &str) -> std::io::Result<String> {
    std::fs::read_to_string(path)
}

pub fn both(text: &str) -> std::result::Result<u32, std::num::ParseIntError> {
    text.parse()
}

fn helper() -> anyhow::Result<u32> {
    Ok(1)
}

pub(crate) fn internal() -> anyhow::Result<u32> {
    helper()
}

pub fn uses_anyhow_inside() -> Option<u32> {
    let result: anyhow::Result<u32> = helper();
    result.ok()
}

pub mod other_module {
    // The file's own `Result` and `Error`, not anyhow's: this module imports nothing from it.
    pub fn parse(text: &str) -> super::Result<u32> {
        super::parse(text)
    }
}

pub mod aliased {
    use anyhow::Result as AnyResult;

    pub fn two(a: u32) -> Result<u32, String> {
        Ok(a)
    }
}

#[cfg(test)]
mod tests {
    pub fn fixture() -> anyhow::Result<u32> {
        Ok(1)
    }

    #[test]
    fn parses() -> anyhow::Result<()> {
        assert_eq!(super::parse("1").map_err(|e| anyhow::anyhow!("{e}"))?, 1);
        Ok(())
    }
}
