; Code the parser could not read: an ERROR node, or a token it had to assume (MISSING).
(ERROR) @finding

(MISSING) @finding
