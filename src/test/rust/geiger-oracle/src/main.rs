//! Counts, per `.rs` file under a directory, what cargo-geiger counts: functions, impl methods,
//! impl blocks and traits, each safe or unsafe, and expressions inside and outside unsafe scopes,
//! with cargo-geiger's rules as docs/unsafe-counting.md of rustlens states them.
//!
//! Usage: `geiger-oracle DIR`. Prints one line per file, tab-separated: the path relative to DIR,
//! then functions safe/unsafe, methods safe/unsafe, impls safe/unsafe, traits safe/unsafe,
//! expressions safe/unsafe; or the path and `parse-error` when the file cannot be read as UTF-8
//! text or `syn` rejects it.

use std::env;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use syn::visit::{self, Visit};
use syn::{
    Attribute, Expr, ImplItemMethod, ItemFn, ItemImpl, ItemMod, ItemTrait, Meta, NestedMeta,
};

/// A safe and an unsafe count.
#[derive(Default)]
struct Pair {
    safe: u64,
    unsafe_: u64,
}

impl Pair {
    fn count(&mut self, is_unsafe: bool) {
        if is_unsafe {
            self.unsafe_ += 1;
        } else {
            self.safe += 1;
        }
    }
}

/// The visitor: the counts so far and how many unsafe scopes enclose the current node.
#[derive(Default)]
struct Geiger {
    functions: Pair,
    methods: Pair,
    impls: Pair,
    traits: Pair,
    exprs: Pair,
    unsafe_scopes: u32,
}

/// `#[test]` exactly: cargo-geiger skips such functions unless asked to include tests.
fn is_test_fn(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| attr.path.is_ident("test"))
}

/// `#[cfg(..)]` with `test` as a plain argument (`#[cfg(test)]`, not `#[cfg(all(test, ..))]`).
fn is_test_module(attrs: &[Attribute]) -> bool {
    attrs.iter().filter(|attr| attr.path.is_ident("cfg")).any(|attr| match attr.parse_meta() {
        Ok(Meta::List(list)) => list
            .nested
            .iter()
            .any(|nested| matches!(nested, NestedMeta::Meta(Meta::Path(path)) if path.is_ident("test"))),
        _ => false,
    })
}

fn is_no_mangle(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| attr.path.is_ident("no_mangle"))
}

impl<'ast> Visit<'ast> for Geiger {
    fn visit_item_fn(&mut self, item: &'ast ItemFn) {
        if is_test_fn(&item.attrs) {
            return;
        }
        let declared_unsafe = item.sig.unsafety.is_some();
        let counted_unsafe = declared_unsafe || is_no_mangle(&item.attrs);
        // cargo-geiger enters an unsafe scope for a #[no_mangle] fn too but leaves only the scope
        // of an `unsafe fn`: the rest of the file then counts as unsafe (docs/unsafe-counting.md).
        if counted_unsafe {
            self.unsafe_scopes += 1;
        }
        self.functions.count(counted_unsafe);
        visit::visit_item_fn(self, item);
        if declared_unsafe {
            self.unsafe_scopes -= 1;
        }
    }

    fn visit_impl_item_method(&mut self, item: &'ast ImplItemMethod) {
        let is_unsafe = item.sig.unsafety.is_some();
        if is_unsafe {
            self.unsafe_scopes += 1;
        }
        self.methods.count(is_unsafe);
        visit::visit_impl_item_method(self, item);
        if is_unsafe {
            self.unsafe_scopes -= 1;
        }
    }

    fn visit_item_impl(&mut self, item: &'ast ItemImpl) {
        self.impls.count(item.unsafety.is_some());
        visit::visit_item_impl(self, item);
    }

    fn visit_item_trait(&mut self, item: &'ast ItemTrait) {
        self.traits.count(item.unsafety.is_some());
        visit::visit_item_trait(self, item);
    }

    fn visit_item_mod(&mut self, item: &'ast ItemMod) {
        if !is_test_module(&item.attrs) {
            visit::visit_item_mod(self, item);
        }
    }

    fn visit_expr(&mut self, expr: &'ast Expr) {
        match expr {
            Expr::Unsafe(block) => {
                self.unsafe_scopes += 1;
                visit::visit_expr_unsafe(self, block);
                self.unsafe_scopes -= 1;
            }
            // "f(x) should count as one expression, not three": paths and literals do not count.
            Expr::Path(_) | Expr::Lit(_) => {}
            other => {
                self.exprs.count(self.unsafe_scopes > 0);
                visit::visit_expr(self, other);
            }
        }
    }
}

/// Every `.rs` file below `dir`, skipping hidden directories and `target`, sorted.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("");
        if path.is_dir() {
            if !name.starts_with('.') && name != "target" {
                rust_files(&path, found)?;
            }
        } else if name.ends_with(".rs") {
            found.push(path);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let Some(root) = env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: geiger-oracle DIR");
        return ExitCode::from(2);
    };
    let mut files = Vec::new();
    if let Err(error) = rust_files(&root, &mut files) {
        eprintln!("{}: {error}", root.display());
        return ExitCode::FAILURE;
    }
    files.sort();
    for file in files {
        let relative = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        let parsed = fs::read_to_string(&file)
            .map_err(|e| e.to_string())
            .and_then(|text| syn::parse_file(&text).map_err(|e| e.to_string()));
        match parsed {
            Ok(ast) => {
                let mut geiger = Geiger::default();
                geiger.visit_file(&ast);
                let counts = [
                    &geiger.functions,
                    &geiger.methods,
                    &geiger.impls,
                    &geiger.traits,
                    &geiger.exprs,
                ];
                let numbers: Vec<String> = counts
                    .iter()
                    .flat_map(|pair| [pair.safe.to_string(), pair.unsafe_.to_string()])
                    .collect();
                println!("{relative}\t{}", numbers.join("\t"));
            }
            Err(_) => println!("{relative}\tparse-error"),
        }
    }
    ExitCode::SUCCESS
}
