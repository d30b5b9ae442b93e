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

; `unsafe` inside a macro_rules! body, or a macro input that does not parse as code, is only a
; token to the parser; `$( .. )*` repetitions included
(token_tree
  "unsafe" @unsafe.macro)

(token_repetition
  "unsafe" @unsafe.macro)

; Items cargo-geiger counts
(function_item) @item.fn

(impl_item) @item.impl

(trait_item) @item.trait

; Modules: the outline reads those of module bodies itself, this finds those in function bodies
(mod_item) @outline.module

; Macro invocations, whose input the engine reads as code where it parses as code
(macro_invocation) @macro.invocation

; `include!("file.rs")`, wherever it stands: the file is part of this one
(macro_invocation
  macro: (identifier) @_macro
  (#eq? @_macro "include")) @outline.include

; Attributes (comments are found by a lexer, CommentScanner: far cheaper than captures)
(attribute_item) @attribute

(inner_attribute_item) @attribute.inner
