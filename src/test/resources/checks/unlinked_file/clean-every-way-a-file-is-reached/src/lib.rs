//! Every file here is reached by one of the ways rustc and Cargo know.

mod by_name;
mod by_directory;
#[path = "platform/linux.rs"]
mod sys;
#[cfg_attr(windows, path = "platform/windows.rs")]
mod imp;
pub mod inline {
    pub mod nested_file;
}

cfg_if::cfg_if! {
    if #[cfg(unix)] {
        mod from_a_macro;
    } else {
        mod other_from_a_macro;
    }
}

pub const TABLE: &[u8] = &include!("table.rs");
