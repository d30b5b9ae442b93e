//! A blocking call kept on purpose, with a comment saying why.

pub async fn startup() -> String {
    // rustlens:allow(blocking_in_async) runs once before the server accepts connections
    let config = std::fs::read_to_string("config.toml").unwrap_or_default(); // ~ suppressed: blocking_in_async
    let extra = std::fs::read_to_string("extra.toml").unwrap_or_default(); // ~ finding: blocking_in_async
    config + &extra
}
