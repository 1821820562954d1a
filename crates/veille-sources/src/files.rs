//! Files, folders, glob patterns and folder manifests.

use crate::{Format, Meta, Origin, Unit};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// File name endings read from folders. `.xml` files are read only when they
/// are feeds.
pub const EXTENSIONS: &[&str] = &[
    ".html",
    ".htm",
    ".txt",
    ".md",
    ".html.gz",
    ".htm.gz",
    ".txt.gz",
    ".md.gz",
    ".jsonl",
    ".jsonl.gz",
    ".json",
    ".warc",
    ".warc.gz",
    ".rss",
    ".atom",
    ".xml",
];

/// Expands command-line arguments into units: `-` is standard input, a
/// folder is walked recursively (sorted, files with a known ending), an
/// argument with `*`, `?` or `[` is a glob pattern (`pages/**/*.html`), and
/// anything else is a file whose format is told by its name or sniffed.
/// A path that does not exist, or a pattern that matches nothing, becomes a
/// unit that fails with that reason.
pub fn collect(args: &[String]) -> Vec<Unit> {
    let mut out = Vec::new();
    for a in args {
        if a == "-" {
            out.push(Unit::stdin());
        } else if a.contains(['*', '?', '[']) && !Path::new(a).exists() {
            match glob::glob(a) {
                Err(e) => out.push(missing(a, format!("bad glob pattern: {e}"))),
                Ok(paths) => {
                    let before = out.len();
                    let mut matched: Vec<PathBuf> = paths.filter_map(|p| p.ok()).collect();
                    matched.sort();
                    for p in matched {
                        if p.is_dir() {
                            walk(&p, &mut out);
                        } else {
                            out.push(file_unit(&p, &manifest_of(&p), true));
                        }
                    }
                    if out.len() == before {
                        out.push(missing(a, "no file matches this pattern".into()));
                    }
                }
            }
        } else {
            let p = PathBuf::from(a);
            if p.is_dir() {
                walk(&p, &mut out);
            } else if p.exists() {
                out.push(file_unit(&p, &manifest_of(&p), true));
            } else {
                out.push(missing(a, "no such file or folder".into()));
            }
        }
    }
    out
}

fn missing(name: &str, why: String) -> Unit {
    Unit {
        name: name.to_string(),
        origin: Origin::Missing(why),
        format: None,
        size: 0,
        meta: Meta::default(),
    }
}

fn manifest_of(p: &Path) -> HashMap<String, Meta> {
    p.parent().map(read_manifest).unwrap_or_default()
}

fn read_manifest(dir: &Path) -> HashMap<String, Meta> {
    std::fs::read_to_string(dir.join("manifest.tsv"))
        .map(|t| parse_manifest(&t))
        .unwrap_or_default()
}

/// The format a file name tells, if it tells one.
fn format_by_name(p: &Path) -> Option<Format> {
    let n = p.to_string_lossy().to_lowercase();
    if n.ends_with(".jsonl") || n.ends_with(".jsonl.gz") || n.ends_with(".ndjson") {
        Some(Format::JsonLines)
    } else if n.ends_with(".json") {
        Some(Format::JsonArray)
    } else if n.ends_with(".warc") || n.ends_with(".warc.gz") {
        Some(Format::Warc)
    } else if n.ends_with(".rss") || n.ends_with(".atom") {
        Some(Format::Feed)
    } else if [
        ".html", ".htm", ".txt", ".md", ".html.gz", ".htm.gz", ".txt.gz", ".md.gz",
    ]
    .iter()
    .any(|e| n.ends_with(e))
    {
        Some(Format::Document)
    } else {
        None
    }
}

/// A unit for a file. Files named on the command line with an unknown
/// ending are sniffed; in folders, an `.xml` file is kept only if it is a feed.
fn file_unit(p: &Path, manifest: &HashMap<String, Meta>, explicit: bool) -> Unit {
    let file = p
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    let format = format_by_name(p).or_else(|| (!explicit).then(|| sniff_file(p)).flatten());
    Unit {
        name: p.display().to_string(),
        origin: Origin::Path(p.to_path_buf()),
        format,
        size: std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
        meta: manifest.get(&file).cloned().unwrap_or_default(),
    }
}

fn sniff_file(p: &Path) -> Option<Format> {
    let f = std::fs::File::open(p).ok()?;
    crate::sniff(&mut std::io::BufReader::new(f)).ok()
}

fn walk(dir: &Path, out: &mut Vec<Unit>) {
    let manifest = read_manifest(dir);
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.push(missing(
                &dir.display().to_string(),
                format!("cannot read folder: {e}"),
            ));
            return;
        }
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
            continue;
        }
        let name = p.to_string_lossy().to_lowercase();
        let file = p.file_name().map(|f| f.to_string_lossy().to_lowercase());
        if !EXTENSIONS.iter().any(|e| name.ends_with(e))
            || matches!(file.as_deref(), Some("readme.md" | "manifest.tsv"))
        {
            continue;
        }
        let unit = file_unit(&p, &manifest, false);
        if name.ends_with(".xml") && unit.format != Some(Format::Feed) {
            continue;
        }
        out.push(unit);
    }
}

/// Parses a `manifest.tsv` (header with at least `file`; optional `url`,
/// `outlet`, `published`). `-` or an empty cell is unknown.
pub fn parse_manifest(text: &str) -> HashMap<String, Meta> {
    let mut lines = text.lines();
    let Some(header) = lines.next() else {
        return HashMap::new();
    };
    let cols: Vec<&str> = header.split('\t').map(str::trim).collect();
    let col = |name: &str| cols.iter().position(|c| *c == name);
    let (Some(file), url, outlet, published) =
        (col("file"), col("url"), col("outlet"), col("published"))
    else {
        return HashMap::new();
    };
    let mut out = HashMap::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let get = |i: Option<usize>| {
            i.and_then(|i| f.get(i))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty() && *s != "-")
                .map(str::to_string)
        };
        if let Some(name) = get(Some(file)) {
            out.insert(
                name,
                Meta {
                    url: get(url),
                    outlet: get(outlet),
                    published: get(published).and_then(|d| d.parse().ok()),
                    ..Meta::default()
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_rows() {
        let m = parse_manifest("file\turl\toutlet\tpublished\nа.txt\thttps://x.example/a\tX\t2025-04-01\nb.html\t-\t-\t-\n");
        assert_eq!(m["а.txt"].published.unwrap().to_string(), "2025-04-01");
        assert!(m["b.html"].url.is_none());
    }

    #[test]
    fn folders_globs_and_missing_paths() {
        let dir = std::env::temp_dir().join(format!("veille-sources-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.html"), "<p>x</p>").unwrap();
        std::fs::write(dir.join("sub/b.txt"), "x").unwrap();
        std::fs::write(dir.join("sub/c.warc.gz"), "x").unwrap();
        std::fs::write(dir.join("sitemap.xml"), "<?xml version=\"1.0\"?><urlset/>").unwrap();
        std::fs::write(dir.join("feed.xml"), "<?xml version=\"1.0\"?><rss/>").unwrap();
        std::fs::write(dir.join("image.png"), "x").unwrap();
        std::fs::write(dir.join("README.md"), "x").unwrap();
        let d = dir.display().to_string();
        let units = collect(std::slice::from_ref(&d));
        let names: Vec<String> = units
            .iter()
            .map(|u| u.name.trim_start_matches(&d).to_string())
            .collect();
        assert_eq!(
            names,
            ["/a.html", "/feed.xml", "/sub/b.txt", "/sub/c.warc.gz"]
        );
        assert_eq!(units[1].format, Some(Format::Feed));
        assert_eq!(units[3].format, Some(Format::Warc));

        let units = collect(&[format!("{d}/**/*.txt"), format!("{d}/*.nothing")]);
        assert_eq!(units.len(), 2);
        assert!(units[0].name.ends_with("sub/b.txt"));
        assert!(matches!(&units[1].origin, Origin::Missing(w) if w.contains("no file matches")));
        let units = collect(&[format!("{d}/absent.html")]);
        assert!(matches!(&units[0].origin, Origin::Missing(_)));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
