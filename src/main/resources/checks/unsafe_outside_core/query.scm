; Every unsafe site cargo-geiger counts; keep() drops those in core modules and tests.
(unsafe_block) @finding

(function_item
  (function_modifiers
    "unsafe")) @finding

(function_signature_item
  (function_modifiers
    "unsafe")) @finding

(impl_item
  "unsafe") @finding

(trait_item
  "unsafe") @finding

(foreign_mod_item) @finding
