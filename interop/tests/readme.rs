//! The README's nalgebra example is `examples/readme.rs`, shown whole in the README's
//! "Using typegrad with other crates": the two must agree, and the example must run.

mod readme {
    include!("../examples/readme.rs");

    #[test]
    fn the_example_runs() {
        main();
    }
}

#[test]
fn the_readme_shows_the_example() {
    let readme = include_str!("../../README.md");
    let section = readme
        .split("## Using typegrad with other crates")
        .nth(1)
        .expect("the README's section");
    let block = section
        .split("```rust,ignore\n")
        .nth(1)
        .and_then(|b| b.split("\n```\n").next())
        .expect("a rust,ignore block in the section");
    let example = include_str!("../examples/readme.rs");
    assert_eq!(
        format!("{block}\n"),
        example,
        "README.md and examples/readme.rs differ"
    );
}
