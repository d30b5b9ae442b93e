; Functions whose visibility is exactly `pub` (not `pub(crate)`): the finding is the function,
; @name its name. Java decides whether it is documented API with docs but no example.
([
;; include pub_function
] @finding
  (#eq? @_visibility "pub"))
