; Calls of an associated function by path; the Java keeps `Box::leak`, reading the whole path.
(call_expression
  function: (scoped_identifier
    name: (identifier))) @finding
