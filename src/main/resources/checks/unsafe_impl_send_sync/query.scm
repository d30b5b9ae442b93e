; Unsafe impls of a trait; the Java keeps Send and Sync (plain or by path) and looks for a
; SAFETY: comment above.
(impl_item
  "unsafe"
  trait: [
    (type_identifier)
    (scoped_type_identifier)
  ] @ctx.trait
  type: (_) @ctx.type) @finding
