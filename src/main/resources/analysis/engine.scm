; The analyzer's own facts, matched in the same pass as every check's patterns.
; Capture names are listed in dev.rustlens.analysis.check.Captures.

; Unsafe inventory
(unsafe_block) @unsafe.block

(function_item
  (function_modifiers
    "unsafe")) @unsafe.fn

(function_signature_item
  (function_modifiers
    "unsafe")) @unsafe.fn

(impl_item
  "unsafe") @unsafe.impl

(trait_item
  "unsafe") @unsafe.trait

(foreign_mod_item) @unsafe.extern

; `unsafe` inside a macro invocation or a macro_rules! body is only a token to the parser
(token_tree
  "unsafe" @unsafe.macro)

; Items cargo-geiger counts
(function_item) @item.fn

(impl_item) @item.impl

(trait_item) @item.trait

; Public API: items whose visibility is exactly `pub`
[
  (function_item
    (visibility_modifier) @item.visibility)
  (function_signature_item
    (visibility_modifier) @item.visibility)
  (struct_item
    (visibility_modifier) @item.visibility)
  (enum_item
    (visibility_modifier) @item.visibility)
  (union_item
    (visibility_modifier) @item.visibility)
  (trait_item
    (visibility_modifier) @item.visibility)
  (type_item
    (visibility_modifier) @item.visibility)
  (const_item
    (visibility_modifier) @item.visibility)
  (static_item
    (visibility_modifier) @item.visibility)
  (mod_item
    (visibility_modifier) @item.visibility)
] @item.public

; Attributes (comments are found by a lexer, CommentScanner: far cheaper than captures)
(attribute_item) @attribute

(inner_attribute_item) @attribute.inner
