; Unsafe impls of every other trait (GlobalAlloc, Allocator, a crate's own unsafe trait), by
; name, by path or with generic arguments; the Java looks for a SAFETY: comment above.
(impl_item
  "unsafe"
  trait: (_) @ctx.trait
  type: (_) @ctx.type
  (#not-match? @ctx.trait "(^|::)\\s*(Send|Sync)$")) @finding
