; Calls of an associated function by path; the Java keeps `Box::leak`
; (predicates are not evaluated on our trees).
(call_expression
  function: (scoped_identifier
    name: (identifier))) @finding
