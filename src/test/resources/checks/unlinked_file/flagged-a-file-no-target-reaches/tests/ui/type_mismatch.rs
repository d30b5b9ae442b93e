fn main() { let x: u8 = "not a number"; } // ~ finding: unlinked_file
