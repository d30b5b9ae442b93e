  ; Functions and signatures with a visibility, @_visibility, and a name, @name.
  (function_item
    (visibility_modifier) @_visibility
    name: (_) @name)
  (function_signature_item
    (visibility_modifier) @_visibility
    name: (_) @name)
