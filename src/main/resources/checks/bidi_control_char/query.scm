; The whole file, once: the Java looks through its text for the nine code points that rustc's
; text_direction_codepoint lints reject (a query per literal and comment would copy out every
; one of them to find a character that almost never occurs).
(source_file) @finding
