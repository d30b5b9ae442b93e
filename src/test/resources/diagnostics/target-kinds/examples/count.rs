fn main() {
    let n = target_kinds::count(b"abc");
    println!("{n}");
    return;
}
