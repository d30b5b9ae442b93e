; Calls of a path or a bare name, with or without turbofish; the Java keeps
; `transmute`/`transmute_copy` from `mem`, reading the whole path.
(call_expression
  function: [
    (identifier)
    (scoped_identifier)
    (generic_function)
  ]) @finding
