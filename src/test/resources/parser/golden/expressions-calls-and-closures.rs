// Calls by path and by name, method calls, closures, let chains, and the expressions the
// metrics count.
use std::fs::File;

async fn blocking(path: &str) -> std::io::Result<Vec<u8>> {
    std::thread::sleep(std::time::Duration::from_millis(1));
    thread::sleep(DELAY);
    sleep(DELAY);
    let file = File::open(path)?;
    let _ = fs::read_to_string(path);
    let data = std::fs::read(path)?;
    work().await;
    Ok(data)
}

fn calls(value: Box<u8>, bytes: [u8; 4]) -> u32 {
    let leaked: &'static mut u8 = Box::leak(value);
    std::mem::forget(leaked);
    mem::forget::<u8>(0);
    forget(1);
    let number = unsafe { std::mem::transmute::<[u8; 4], u32>(bytes) };
    let copy: u32 = unsafe { mem::transmute_copy(&bytes) };
    let parsed = "1".parse::<u32>().unwrap_or_default();
    let result: Result<u32, ()> = Ok(parsed);
    result.unwrap() + result.unwrap_err() + result.expect("ok") + number + copy
}

fn closures(items: &mut Vec<u32>) {
    let add = |a, b| a + b;
    let typed = move |x: u32| -> u32 { x * 2 };
    let boxed: Box<dyn Fn() -> u32> = Box::new(|| 1);
    let future = async move { typed(1) };
    items.sort_by(|a, b| b.cmp(a));
    let _ = (add(1, 2), boxed(), future);
}

fn control(a: Option<u8>, b: Option<u8>, slice: &[u8]) -> u8 {
    if let Some(x) = a && let Some(y) = b && x > y {
        return x;
    }
    let Some(first) = slice.first() else { return 0 };
    let mut total = *first;
    for item in &slice[1..] {
        total += item;
    }
    while let Some(x) = a {
        total -= x;
        break;
    }
    let value = loop {
        continue;
    };
    let point = Point { x: 1, ..Default::default() };
    let tuple = (point.x, [1, 2], -total, !true, total as u16, 0..=9, &mut total);
    let kind = if total > 1 { 'x' } else if total == 0 { 'y' } else { 'z' };
    let coroutine = || {
        yield (kind, r#"raw "text""#);
    };
    total = match value {
        0 | 1 => 1,
        n if n > 2 => n,
        _ => const { 3 },
    };
    total
}
