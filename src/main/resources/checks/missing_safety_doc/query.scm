; Unsafe fns that can be part of the public API, and unsafe traits; the Java reads their docs
; for a `# Safety` section, and the crate's module tree keeps the fns the crate exports.

; `pub unsafe fn`, free or in an inherent impl (trait impls cannot say `pub`)
(function_item
  (visibility_modifier) @_visibility
  (function_modifiers
    "unsafe")
  name: (identifier) @name
  (#eq? @_visibility "pub")) @finding

; unsafe methods of a trait, declared or with a default body: as public as the trait
(trait_item
  body: (declaration_list
    [
      (function_item
        (function_modifiers
          "unsafe")
        name: (identifier) @name)
      (function_signature_item
        (function_modifiers
          "unsafe")
        name: (identifier) @name)
    ] @finding))

; `unsafe trait`, whatever its visibility: its implementations must know what to uphold
(trait_item
  "unsafe"
  name: (type_identifier) @name) @finding
