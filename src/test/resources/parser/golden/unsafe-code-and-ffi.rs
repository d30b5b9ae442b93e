// Every unsafe site cargo-geiger counts, and the FFI surface.
static mut COUNTER: u32 = 0;

pub unsafe fn read(ptr: *const u8) -> u8 {
    // SAFETY: the caller promises `ptr` is valid.
    unsafe { *ptr }
}

pub(crate) const unsafe fn zeroed() -> u32 {
    0
}

pub unsafe trait Zeroable {
    unsafe fn zero() -> Self;

    unsafe fn fill(&mut self) {}
}

unsafe impl Send for Handle {}

unsafe impl<T: Copy> Zeroable for Wrapper<T> {
    unsafe fn zero() -> Self {
        unsafe { core::mem::zeroed() }
    }
}

impl Handle {
    pub unsafe fn raw(&self) -> *const u8 {
        &raw const self.byte
    }

    fn raw_mut(&mut self) -> *mut u8 {
        &raw mut self.byte
    }
}

extern "C" {
    fn abs(input: i32) -> i32;
    static mut errno: i32;
}

extern {
    fn legacy();
}

#[no_mangle]
pub extern "C" fn exported(value: Wrapper<u8>) -> i32 {
    unsafe { abs(value.0 as i32) }
}

#[export_name = "renamed"]
pub unsafe extern "system" fn renamed() {}

async unsafe fn waits() {}
