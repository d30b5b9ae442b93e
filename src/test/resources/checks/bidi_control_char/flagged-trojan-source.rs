//! Bidirectional control characters written raw: the code shows in another order than it runs.

/// Checks the user's role.
pub fn is_admin(access_level: &str) -> bool {
    access_level != "user‮ ⁦// Check if admin⁩ ⁦" // ~ finding: bidi_control_char
}

pub fn comment() -> u8 {
    /*‮ } ⁦if is_admin⁩ ⁦ begin admins only */ // ~ finding: bidi_control_char
    1
}

#[allow(text_direction_codepoint_in_literal)]
pub fn allowed() -> &'static str {
    "⁧quoted⁩" // ~ suppressed: bidi_control_char
}

#[cfg(test)]
mod tests {
    #[test]
    fn in_a_test() {
        let _ = "‭"; // ~ finding: bidi_control_char
    }
}
