//! Every mistake the types catch, proved to fail for the intended reason. Each file of
//! `tests/ui/` is built as an example of a scratch crate that depends on typegrad; every
//! error it gives must be on a line marked `//~ ERROR <text>`, with `<text>` in the error's
//! first line, and every marked line must have its error. A build without a math library
//! must stop with the crate's own message.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

/// A scratch crate depending on this one (with `features`), holding `examples`.
fn scratch(name: &str, features: &str, examples: &[(String, String)]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(dir.join("examples"));
    fs::create_dir_all(dir.join("examples")).unwrap();
    fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\ntypegrad = {{ path = {:?}{features} }}\n\n[workspace]\n",
        root.display().to_string()
    );
    fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    fs::write(dir.join("src/lib.rs"), "").unwrap();
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    for (file, text) in examples {
        fs::write(dir.join("examples").join(file), text).unwrap();
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "build",
            "--offline",
            "--examples",
            "--keep-going",
            "--message-format=short",
        ])
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .current_dir(&dir)
        .output()
        .expect("cargo runs");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `(file, line) -> error lines` from cargo's short messages. An error raised inside
/// typegrad while instantiating an example's call (a const assertion) counts at that call.
fn errors(stderr: &str) -> BTreeMap<(String, usize), Vec<String>> {
    let mut found = BTreeMap::<_, Vec<String>>::new();
    let mut last = String::new();
    for l in stderr.lines() {
        if let Some((_, message)) = l.split_once(": error") {
            last = format!("error{message}");
        }
        let Some(rest) = l.strip_prefix("examples/") else {
            continue;
        };
        let mut parts = rest.splitn(4, ':');
        let (Some(file), Some(line), Some(_col), Some(message)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let message = message.trim_start();
        let instantiated = message.starts_with("note: the above error was encountered");
        if message.starts_with("error") || instantiated {
            let line = line.parse().expect("a line number");
            found
                .entry((file.to_string(), line))
                .or_default()
                .push(last.clone());
        }
    }
    found
}

#[test]
fn each_mistake_fails_at_its_line_with_its_message() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let mut cases: Vec<(String, String)> = fs::read_dir(&ui)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect();
    cases.sort();
    assert!(cases.len() >= 8, "the cases of tests/ui");
    let stderr = scratch("ui", "", &cases);
    let found = errors(&stderr);
    for (file, text) in &cases {
        let mut expected = 0;
        for (i, line) in text.lines().enumerate() {
            let Some((_, want)) = line.split_once("//~ ERROR ") else {
                continue;
            };
            expected += 1;
            let at = found.get(&(file.clone(), i + 1));
            assert!(
                at.is_some_and(|msgs| msgs.iter().any(|m| m.contains(want.trim()))),
                "{file}:{}: expected an error containing {want:?}, found {at:?}\n{stderr}",
                i + 1
            );
        }
        assert!(expected > 0, "{file} marks no error");
        let lines: Vec<_> = found.keys().filter(|(f, _)| f == file).collect();
        assert_eq!(
            lines.len(),
            expected,
            "{file}: errors on unmarked lines: {lines:?}\n{stderr}"
        );
    }
}

#[test]
fn a_build_without_a_math_library_says_what_to_enable() {
    let main = ("main.rs".to_string(), "fn main() {}\n".to_string());
    let stderr = scratch("ui_no_math", ", default-features = false", &[main]);
    assert!(
        stderr.contains("typegrad needs a math library: enable its `std` feature"),
        "{stderr}"
    );
}
