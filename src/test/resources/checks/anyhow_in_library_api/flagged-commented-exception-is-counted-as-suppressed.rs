//! anyhow in the API on purpose, with a comment saying so.

// rustlens:allow(anyhow_in_library_api) this crate is an application's internal library
pub fn load(path: &str) -> anyhow::Result<String> { // ~ suppressed: anyhow_in_library_api
    Ok(std::fs::read_to_string(path)?)
}

pub fn save(path: &str, text: &str) -> anyhow::Result<()> { // ~ finding: anyhow_in_library_api
    Ok(std::fs::write(path, text)?)
}
