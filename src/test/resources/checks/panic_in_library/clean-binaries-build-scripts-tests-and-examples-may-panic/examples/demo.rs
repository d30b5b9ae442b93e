fn main() {
    todo!("show the count");
}
