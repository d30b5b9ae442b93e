use anyhow::Result;

pub fn run(arg: &str) -> Result<u32> {
    Ok(tool::count(arg)?)
}

fn main() -> Result<()> {
    println!("{}", run("3")?);
    Ok(())
}
