; Unsafe impls of Send and Sync (plain or by path); the Java looks for a SAFETY: comment above.
(impl_item
  "unsafe"
  trait: [
    (type_identifier)
    (scoped_type_identifier)
  ] @ctx.trait
  type: (_) @ctx.type
  (#match? @ctx.trait "(^|::)\\s*(Send|Sync)$")) @finding
