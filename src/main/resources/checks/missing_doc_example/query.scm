; Functions whose visibility is exactly `pub` (not `pub(crate)`): the finding is the function,
; @name its name. Java decides whether it is documented API with docs but no example.
([
  (function_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (function_signature_item
    (visibility_modifier) @_visibility
    name: (_) @name)
] @finding
  (#eq? @_visibility "pub"))
