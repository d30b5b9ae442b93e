// Macro definitions (token trees, repetitions, metavariables) and invocations.
#[macro_export]
macro_rules! square {
    ($value:expr) => {
        $value * $value
    };
    ($($value:expr),+ $(,)?) => {{
        let total = 0 $(+ square!($value))+;
        unsafe { $crate::touch(total.unwrap()) }
    }};
    (@block $body:block $path:path) => {
        $( unsafe { $body } )*
        panic!("no {}", stringify!($path))
    };
}

macro_rules! nothing {
    () => {};
}

cfg_if::cfg_if! {
    if #[cfg(unix)] {
        mod unix;
    } else {
        mod other;
    }
}

include!("generated.rs");

thread_local!(static DEPTH: u32 = 0);

nothing! {}

fn uses(value: Option<u8>) -> Vec<u8> {
    println!("{}", value.unwrap());
    assert!(value.expect("set") > 0);
    std::panic!("stop");
    core::unreachable!();
    todo!();
    unimplemented!();
    let width: square!(u8) = 0;
    vec![value.unwrap(); 3]
}
