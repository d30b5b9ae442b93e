fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    match tool::count(&arg) {
        Ok(n) => println!("{n}"),
        Err(e) => panic!("bad count: {e}"),
    }
}
