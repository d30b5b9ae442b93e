pub fn behind_a_crate_visible_module() {}
