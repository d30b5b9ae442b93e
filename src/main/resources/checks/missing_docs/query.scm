; Items whose visibility is exactly `pub` (not `pub(crate)`): the finding is the item, @name
; its name. Java decides whether the item is documented API and has docs.
([
  (function_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (function_signature_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (struct_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (enum_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (union_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (trait_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (type_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (const_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (static_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  ; Only a module with its body here: `pub mod name;` is usually documented by `//!` in its file.
  (mod_item
    (visibility_modifier) @_visibility
    name: (_) @name
    body: (declaration_list))
] @finding
  (#eq? @_visibility "pub"))
