use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use fixture_bench::{fibonacci, fnv1a};

fn bench_fnv(c: &mut Criterion) {
    let data = vec![7u8; 4096];
    let mut group = c.benchmark_group("fnv1a");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.bench_function("4k", |b| b.iter(|| fnv1a(black_box(&data))));
    group.finish();
}

fn bench_fib(c: &mut Criterion) {
    c.bench_function("fibonacci 15", |b| b.iter(|| fibonacci(black_box(15))));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(300))
        .measurement_time(std::time::Duration::from_secs(1));
    targets = bench_fnv, bench_fib
}
criterion_main!(benches);
