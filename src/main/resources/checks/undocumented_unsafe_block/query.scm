; Every unsafe block; the Java decides whether a SAFETY: comment justifies it.
(unsafe_block) @finding
