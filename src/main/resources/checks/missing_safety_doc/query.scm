; Unsafe items with a visibility; the Java keeps the `pub` ones and reads their docs for a
; `# Safety` section.

; `pub unsafe fn`, free or in an inherent impl (trait impls cannot say `pub`)
(function_item
  (visibility_modifier) @ctx.visibility
  (function_modifiers
    "unsafe")
  name: (identifier) @name) @finding

; unsafe methods of a trait with a visibility, declared or with a default body
(trait_item
  (visibility_modifier) @ctx.visibility
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

; `unsafe trait` with a visibility
(trait_item
  (visibility_modifier) @ctx.visibility
  "unsafe"
  name: (type_identifier) @name) @finding
