pub unsafe fn reexported() {} // ~ finding: missing_safety_doc

pub unsafe fn not_reexported() {}
