; Every unsafe block; the Java decides whether a SAFETY: comment justifies it.
(unsafe_block) @finding

; `unsafe { .. }` in a macro_rules! body, where the parser sees only tokens (the Java keeps
; those of macro definitions, not those of macro inputs that did not parse as code)
([
  (token_tree
    "unsafe" @finding
    .
    (token_tree) @ctx.body)
  (token_repetition
    "unsafe" @finding
    .
    (token_tree) @ctx.body)
])
