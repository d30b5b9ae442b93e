//! `raw` as a variable or a module right after `&`, which the grammar read as `&raw const`.

pub fn show(raw: u32) -> String {
    format!("{:?}", &raw)
}

pub fn check(raw: &[u8]) -> bool {
    (1..4096).contains(&raw.len())
}

pub fn debug(f: &mut std::fmt::Formatter<'_>, indices: &[usize]) -> std::fmt::Result {
    f.debug_struct("Map").field("indices", &raw::DebugIndices(indices)).finish()
}

mod raw {
    pub struct DebugIndices<'a>(pub &'a [usize]);
}

pub fn pointers(mut x: u8) -> (*const u8, *mut u8) {
    (&raw const x, &raw mut x)
}
