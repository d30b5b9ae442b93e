; A method call of `expect` or `expect_err`: the finding is the method name.
(call_expression
  function: (field_expression
    field: (field_identifier) @finding)
  (#any-of? @finding "expect" "expect_err"))

; The same call inside a macro input that does not parse as code, or a macro_rules! body (the Java
; leaves out the latter, as clippy does) (`println!("{}", x.expect("set"))`), which the
; parser sees only as tokens: `.`, the name, then the parenthesised arguments. The `.` and
; the arguments are captured because without captures tree-sitter stops after the first such
; call in a token tree.
(token_tree
  "." @_dot
  .
  (identifier) @finding
  .
  (token_tree) @_arguments
  (#any-of? @finding "expect" "expect_err"))
