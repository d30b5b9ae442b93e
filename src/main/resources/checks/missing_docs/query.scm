; Items rustdoc documents: the finding is the item, @name its name. Java skips those with docs;
; the crate's module tree keeps the ones the crate exports (rustc's missing_docs does the same).

; Items whose own visibility decides: exactly `pub` (not `pub(crate)`)
([
;; include pub_function
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
  (mod_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (field_declaration
    (visibility_modifier) @_visibility
    name: (_) @name)
] @finding
  (#eq? @_visibility "pub"))

; Items as visible as what holds them: a trait's items, an enum's variants and their fields
(trait_item
  body: (declaration_list
    [
      (function_item
        name: (_) @name)
      (function_signature_item
        name: (_) @name)
      (associated_type
        name: (_) @name)
      (const_item
        name: (_) @name)
    ] @finding))

(enum_variant
  name: (_) @name) @finding

(enum_variant
  body: (field_declaration_list
    (field_declaration
      name: (_) @name) @finding))

; Macros: the outline knows which are #[macro_export]ed
(macro_definition
  name: (_) @name) @finding
