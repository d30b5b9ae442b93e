; Calls of `transmute`/`transmute_copy` by a path or a bare name, with or without turbofish;
; the Java keeps those from `mem`, reading the whole path. The name is tested here so that the
; other path calls are never copied out of the matcher.
(call_expression
;; include called_function
  (#any-of? @_name "transmute" "transmute_copy")) @finding
