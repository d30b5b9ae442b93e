  ; The function of a call by a path or a bare name, with or without turbofish; @_name is the
  ; called name.
  function: [
    (identifier) @_name
    (scoped_identifier
      name: (identifier) @_name)
    (generic_function
      function: [
        (identifier) @_name
        (scoped_identifier
          name: (identifier) @_name)
      ])
  ]
