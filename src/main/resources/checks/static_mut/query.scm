; `static mut` items, in the code and in extern blocks.
(static_item
  (mutable_specifier)) @finding
