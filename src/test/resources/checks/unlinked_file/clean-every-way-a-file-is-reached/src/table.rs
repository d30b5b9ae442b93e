// Generated.
[1, 2, 3]
