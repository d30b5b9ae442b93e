//! Foreign types (`type Name;` in an extern block), as wasm-bindgen's bindings declare them.

#[wasm_bindgen]
extern "C" {
    /// A JavaScript array.
    #[wasm_bindgen(extends = Object)]
    #[derive(Clone, Debug)]
    pub type Array;

    #[wasm_bindgen(constructor)]
    pub fn new() -> Array;

    type Hidden;
}
