; Calls of a path or a bare name, with or without turbofish; the Java keeps
; `forget` from `mem` (predicates are not evaluated on our trees).
(call_expression
  function: [
    (identifier)
    (scoped_identifier)
    (generic_function)
  ]) @finding
