package dev.rustlens.accuracy;

/**
 * One compilation unit of the crate itself in a cargo run (the library, its test harness, a test
 * target, the build script, ...).
 *
 * @param kind the target's kind ({@code lib}, {@code test}, {@code custom-build}, ...)
 * @param name the target's name
 * @param test whether it was compiled as a test harness
 * @param artifact the file cargo wrote (an {@code .rmeta}, or the build script's executable)
 */
record CompiledUnit(String kind, String name, boolean test, String artifact) {
}
