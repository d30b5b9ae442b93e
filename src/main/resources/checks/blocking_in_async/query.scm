; Calls that block the thread; Java decides whether they sit in async code and whether a
; short path (`fs::`, `File::`, `sleep`) is std's. The finding is the called path.

; `thread::sleep(..)`, also written `std::thread::sleep(..)`
(call_expression
  function: (scoped_identifier
    path: (_) @_module
    name: (identifier) @_function) @finding
  (#match? @_module "^(::)?(std::)?thread$")
  (#eq? @_function "sleep"))

; `sleep(..)` alone, blocking when imported from std::thread
(call_expression
  function: (identifier) @finding
  (#eq? @finding "sleep"))

; The functions of std::fs, called through `std::fs::` or `fs::`
(call_expression
  function: (scoped_identifier
    path: (_) @_module
    name: (identifier) @_function) @finding
  (#match? @_module "^(::)?(std::)?fs$")
  (#any-of? @_function
    "canonicalize" "copy" "create_dir" "create_dir_all" "exists" "hard_link" "metadata" "read"
    "read_dir" "read_link" "read_to_string" "remove_dir" "remove_dir_all" "remove_file" "rename"
    "set_permissions" "soft_link" "symlink_metadata" "write"))

; Opening a file: `File::open(..)`, `File::create(..)`, also through `fs::` or `std::fs::`
(call_expression
  function: (scoped_identifier
    path: (_) @_type
    name: (identifier) @_function) @finding
  (#match? @_type "^((::)?(std::)?fs::)?File$")
  (#any-of? @_function "open" "create" "create_new"))
