; Functions whose visibility is exactly `pub`, with their parameters and return type, in which
; Java looks for anyhow's types.
(function_item
  (visibility_modifier) @_visibility
  name: (identifier) @name
  parameters: (parameters) @ctx.parameters
  return_type: (_)? @ctx.return_type
  (#eq? @_visibility "pub")) @finding
