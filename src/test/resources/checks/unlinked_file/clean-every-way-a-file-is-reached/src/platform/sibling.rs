//! Next to the file its #[path] names.
