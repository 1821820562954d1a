//! Turns `data/geo/cue_words.toml` into constant arrays
//! (`$OUT_DIR/cue_words.rs`, included by `src/words.rs`): the recogniser
//! asks these lists about every token, and constant arrays cost nothing to
//! reach. The file is a TOML table of lists of strings; this reads that
//! subset (comments, `name = [ "word", ... ]`, the escapes `\"` and `\\`)
//! and fails the build on anything else. A test checks the lists against
//! a real TOML parser's reading.

use std::fmt::Write as _;

fn main() {
    let path = "../../data/geo/cue_words.toml";
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lists = parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = String::new();
    for (name, words) in &lists {
        let _ = writeln!(
            out,
            "pub(crate) const {}: &[&str] = &{words:?};",
            name.to_uppercase()
        );
    }
    let _ = writeln!(out, "/// Every list, by its name in the file.");
    let _ = writeln!(out, "#[cfg(test)]");
    let _ = write!(out, "pub(crate) const ALL: &[(&str, &[&str])] = &[");
    for (name, _) in &lists {
        let _ = write!(out, "({name:?}, {}), ", name.to_uppercase());
    }
    let _ = writeln!(out, "];");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("cue_words.rs");
    std::fs::write(dest, out).unwrap();
}

/// The lists of `text`, in file order, or what is wrong on which line.
fn parse(text: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut lists: Vec<(String, Vec<String>)> = Vec::new();
    let mut open = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        let bad = |why: &str| format!("line {}: {why}: {line}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut rest = line;
        if !open {
            let (name, after) = rest
                .split_once('=')
                .ok_or_else(|| bad("expected `name = [`"))?;
            let name = name.trim();
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                return Err(bad("a list's name is lowercase ASCII, digits and `_`"));
            }
            if lists.iter().any(|(k, _)| k == name) {
                return Err(bad("list named twice"));
            }
            rest = after
                .trim()
                .strip_prefix('[')
                .ok_or_else(|| bad("expected `[`"))?;
            lists.push((name.to_string(), Vec::new()));
            open = true;
        }
        let words = &mut lists.last_mut().expect("a list is open").1;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() || rest.starts_with('#') {
                break;
            }
            if let Some(after) = rest.strip_prefix(']') {
                if !after.trim().is_empty() {
                    return Err(bad("text after `]`"));
                }
                open = false;
                break;
            }
            let body = rest
                .strip_prefix('"')
                .ok_or_else(|| bad("expected a string"))?;
            let mut word = String::new();
            let mut chars = body.char_indices();
            let end = loop {
                match chars.next() {
                    Some((i, '"')) => break i,
                    Some((_, '\\')) => match chars.next() {
                        Some((_, c @ ('"' | '\\'))) => word.push(c),
                        _ => return Err(bad("only the escapes \\\" and \\\\ are read")),
                    },
                    Some((_, c)) => word.push(c),
                    None => return Err(bad("unterminated string")),
                }
            };
            words.push(word);
            rest = body[end + 1..].trim_start();
            rest = rest.strip_prefix(',').unwrap_or(rest);
        }
    }
    if open {
        return Err("a list is not closed".into());
    }
    Ok(lists)
}
