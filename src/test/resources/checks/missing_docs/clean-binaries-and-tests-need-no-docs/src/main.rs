pub fn helper() -> u32 {
    tool::count()
}

fn main() {
    println!("{}", helper());
}
