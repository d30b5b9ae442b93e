//! Errors returned; asserts and panics in tests only.

#[derive(Debug)]
pub struct FlagError(pub String);

pub fn parse(flag: &str) -> Result<bool, FlagError> {
    match flag {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => Err(FlagError(format!("not a flag: {other}; a panic! would be wrong"))),
    }
}

pub fn half(n: u32) -> u32 {
    debug_assert!(n % 2 == 0, "even input");
    n / 2
}

pub fn hint(n: u32) -> u32 {
    let panic = n;
    let unreachable = panic != 0;
    if unreachable { n } else { 0 }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rejects() {
        match super::parse("maybe") {
            Ok(_) => panic!("accepted"),
            Err(_) => {}
        }
    }

    fn helper() -> u32 {
        todo!()
    }
}

#[test]
#[should_panic]
fn panics() {
    unreachable!();
}
