//! Edition 2015 code: `try!` is std's macro there, and `try` an ordinary name.

pub fn parse(text: &str) -> Result<u32, std::num::ParseIntError> {
    let value = try!(text.trim().parse::<u32>());
    try!(check(value));
    Ok(value)
}

fn check(value: u32) -> Result<(), std::num::ParseIntError> {
    let _ = try::replacement();
    Ok(())
}

mod r#try {
    pub fn replacement() {}
}
