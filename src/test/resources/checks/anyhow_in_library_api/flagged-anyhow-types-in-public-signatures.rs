//! A library that hands anyhow's types to its callers.

use std::path::Path;

pub fn load(path: &Path) -> anyhow::Result<String> { // ~ finding: anyhow_in_library_api
    Ok(std::fs::read_to_string(path)?)
}

pub fn report(error: &anyhow::Error) -> String { // ~ finding: anyhow_in_library_api
    format!("{error:#}")
}

pub fn boxed(error: Box<::anyhow::Error>) -> String { // ~ finding: anyhow_in_library_api
    error.to_string()
}

pub fn callback(check: impl Fn(&str) -> anyhow::Result<()>) -> bool { // ~ finding: anyhow_in_library_api
    check("x").is_ok()
}

pub struct Store;

impl Store {
    pub fn open( // ~ finding: anyhow_in_library_api
        path: &Path,
    ) -> Result<Self, anyhow::Error> {
        let _ = path;
        Ok(Store)
    }
}

pub mod imported {
    use anyhow::Result;

    pub fn parse(text: &str) -> Result<u32> { // ~ finding: anyhow_in_library_api
        Ok(text.parse()?)
    }
}

pub mod imported_in_list {
    use anyhow::{bail, Context, Error};

    pub fn wrap(error: Error) -> String { // ~ finding: anyhow_in_library_api
        error.to_string()
    }
}

pub mod glob {
    use anyhow::*;

    pub fn parse(text: &str) -> Result<u32> { // ~ finding: anyhow_in_library_api
        Ok(text.parse()?)
    }
}
