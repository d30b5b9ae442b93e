// Items, module bodies, imports, visibility and the bodies of impls and traits.
mod inline {
    pub(super) fn helper() {}
}

pub mod file;
pub(crate) mod restricted;
pub(in crate::inline) struct Scoped;

use std::collections::HashMap;
use std::{fs, io::{self, Read}};
use crate::inline::*;
pub use self::inline::helper as exported_helper;
use super::parent;
extern crate alloc;

/// A point.
pub struct Point {
    /// Across.
    pub x: i32,
    // A comment inside an item is an extra: the walk must not count it among aliased children.
    pub(crate) /* down */ y: i32,
}

pub struct Pair(pub u8, u8);

pub struct Unit;

pub enum Shape {
    Empty,
    Circle(f64),
    Rect { pub width: f64, height: f64 },
}

pub union Bits {
    pub int: u32,
    float: f32,
}

pub type Map = HashMap<String, Point>;
pub const LIMIT: usize = 10;
pub static NAME: &str = "name";

pub trait Draw: Clone {
    type Output;
    const SIDES: u8;

    fn draw(&self) -> Self::Output;

    fn sides(&self) -> u8 {
        Self::SIDES
    }
}

impl Point {
    pub fn new(x: i32, y: i32) -> Self {
        Point { x, y }
    }
}

impl<T> Draw for Wrapper<T>
where
    T: Clone + Default,
{
    type Output = ();
    const SIDES: u8 = 0;

    fn draw(&self) -> Self::Output {}
}
