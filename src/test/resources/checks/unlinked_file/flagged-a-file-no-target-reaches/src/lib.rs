//! Declares `parser` but not `old_parser`.

mod parser;
