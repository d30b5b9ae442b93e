//! Tokens the grammar's token trees lack: `~` and a lone `$`, as syn's `Token!` macro takes them.

macro_rules! punct_len {
    ($mode:ident, ~) => { 1 };
    ($mode:ident, $) => { 1 };
}

macro_rules! token_type {
    [~] => { Tilde };
    [$] => { Dollar };
}

pub fn tilde(input: &str) -> bool {
    input.starts_with(stringify!(~)) && punct_len!(x, ~) == 1
}
