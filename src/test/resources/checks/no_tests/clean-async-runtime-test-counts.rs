//! Async helpers.

/// Waits for nothing and returns the input.
pub async fn echo(x: u32) -> u32 {
    x
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn echoes() {
        assert_eq!(super::echo(3).await, 3);
    }
}
