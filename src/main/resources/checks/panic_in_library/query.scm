; A panicking macro called by its name: `panic!(..)`, `todo!()`.
(macro_invocation
  macro: (identifier) @name @finding
  (#any-of? @name "panic" "todo" "unimplemented" "unreachable"))

; The same macros through their crate: `std::panic!(..)`, `core::unreachable!()`.
(macro_invocation
  macro: (scoped_identifier
    path: (identifier) @_crate
    name: (identifier) @name) @finding
  (#any-of? @_crate "std" "core")
  (#any-of? @name "panic" "todo" "unimplemented" "unreachable"))

; The same macros inside a macro input that does not parse as code, or a macro_rules! body (the
; Java leaves out the latter, as clippy does), which the parser
; sees only as tokens: the name followed by `!`.
(token_tree
  (identifier) @name @finding
  .
  "!" @_bang
  (#any-of? @name "panic" "todo" "unimplemented" "unreachable"))
