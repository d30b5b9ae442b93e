; `#[allow(..)]`, `#[expect(..)]` and their inner forms `#![allow(..)]`: the finding is the
; attribute. Java decides whether a `reason = ".."` argument is missing.
([
  (attribute_item
    (attribute
      (identifier) @_level
      arguments: (token_tree)))
  (inner_attribute_item
    (attribute
      (identifier) @_level
      arguments: (token_tree)))
] @finding
  (#any-of? @_level "allow" "expect"))
