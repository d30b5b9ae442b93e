pub fn parse() {} // ~ finding: unlinked_file
