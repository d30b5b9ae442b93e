// Code rustc accepts that tree-sitter-rust 0.24 misreads: SyntaxRecovery rewrites each of these
// where the parse failed. A grammar that reads one of them changes this tree: the rule may go.
unsafe extern "C" {
    safe fn abs(input: i32) -> i32;
    type Opaque;
}

auto trait Marker {}

default impl<T> Trait for T {}

impl !Inherent {}

fn patterns(Literal { #[cfg(x)] inner: a, .. }: Literal) {}

macro_rules! tokens {
    () => { Token![~] [$] };
}

fn generics() -> Result<> {}

fn ranges() {
    let to = |end| ..=end;
}

fn bounded() where (): Trait {}

struct Empty where T: Bound;

fn edition_2015() {
    let value = try!(read());
    let raw = &raw;
}
