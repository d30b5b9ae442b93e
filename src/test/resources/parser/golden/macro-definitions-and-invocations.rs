// Macro definitions (token trees, repetitions, metavariables) and invocations.
#[macro_export]
macro_rules! square {
    // One value; comments between rules are extras among aliased children.
    ($value:expr) => {
        $value * $value
    };
    ($($value:expr),+ $(,)?) => {{
        let total = 0 $(+ square!($value))+;
        unsafe { $crate::touch(total.unwrap()) }
    }};
    /* blocks and paths */
    (@block $body:block $path:path) => {
        $( unsafe { $body } )*
        panic!("no {}", stringify!($path))
    };
}

macro_rules! nothing {
    // A comment before the only rule.
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
