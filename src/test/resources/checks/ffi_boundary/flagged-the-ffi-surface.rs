//! A crate's FFI surface.

pub struct Point { // ~ finding: ffi_boundary
    pub x: i32,
    pub y: i32,
}

#[repr(C)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Mode {
    Fast,
    Slow,
}

#[repr(align(8))]
pub enum Colour { // ~ finding: ffi_boundary
    Red,
    Green,
}

pub struct Opaque {
    pub inner: Vec<u8>,
}

#[repr(transparent)]
pub struct Id(u32);

extern "C" { // ~ finding: ffi_boundary
    fn size_of_point(p: Point) -> Size;
    fn mode(m: Mode) -> Colour;
    static counter: u32;
}

#[no_mangle]
pub extern "C" fn area(size: Size, point: Point) -> u64 { // ~ finding: ffi_boundary
    u64::from(size.width) * u64::from(size.height) + point.x as u64
}

pub extern "C" fn callback(handle: *mut Opaque, id: Id) -> i32 { // ~ finding: ffi_boundary
    let _ = (handle, id);
    0
}

extern fn implicit_c(mode: Mode) -> bool { // ~ finding: ffi_boundary
    matches!(mode, Mode::Fast)
}

#[unsafe(no_mangle)]
pub fn exported_rust_abi(point: &Point) -> i32 { // ~ finding: ffi_boundary
    point.x
}

/// Exported under another name.
#[export_name = "renamed"]
pub fn exported_by_name() {} // ~ finding: ffi_boundary

mod inner {
    pub union Word { // ~ finding: ffi_boundary
        pub int: u32,
        pub float: f32,
    }

    extern "system" { // ~ finding: ffi_boundary
        pub fn to_bits(w: Word) -> u32;
    }
}

// rustlens:allow(ffi_boundary)
extern "C" { // ~ suppressed: ffi_boundary
    fn abs(x: i32) -> i32;
}

#[cfg(test)]
mod tests {
    extern "C" { // ~ finding: ffi_boundary
        fn labs(x: i64) -> i64;
    }
}
