; The FFI surface. Extern blocks are reported as they are, with the types their fns pass by
; value; of all fn definitions the Java keeps `extern "ABI" fn`s and those exported with
; #[no_mangle]/#[export_name] (attributes are siblings of the fn, so a query cannot join them).
(foreign_mod_item) @finding

(function_item) @finding
