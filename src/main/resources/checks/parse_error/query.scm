; Code the parser could not read: an ERROR node, or a token it had to assume (MISSING).
(ERROR) @finding

; (MISSING) is tried on every node: the engine runs it only on trees with syntax errors.
((MISSING) @finding
  (#is? only-with-syntax-errors))
