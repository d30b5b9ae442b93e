fn main() {
    if std::env::var("OUT_DIR").is_err() {
        panic!("cargo sets OUT_DIR");
    }
}
