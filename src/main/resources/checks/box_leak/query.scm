; Calls of an associated function `leak` by path; the Java keeps `Box::leak`, reading the whole path.
(call_expression
  function: (scoped_identifier
    name: (identifier) @_name)
  (#eq? @_name "leak")) @finding
