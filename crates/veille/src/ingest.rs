//! Reading inputs (the I/O edge) and feeding them through the pipeline into
//! the store. A broken input is recorded with why and skipped; it never stops
//! the batch.

use anyhow::Result;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use veille_core::RawDocument;
use veille_pipeline::Pipeline;
use veille_store::Store;

/// Extensions read from folders.
const EXTENSIONS: &[&str] = &["html", "htm", "txt", "md", "gz", "jsonl", "json"];

/// Metadata a caller knows about a document.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
}

/// Where a document's bytes are.
pub enum Body {
    File(PathBuf),
    Bytes(Vec<u8>),
    /// The input could not be read as a document (a bad JSON line): why.
    Failed(String),
}

/// One document to ingest.
pub struct Input {
    /// Name shown in reports (the path).
    pub name: String,
    pub body: Body,
    pub meta: Meta,
}

/// What a batch did.
#[derive(Debug, Default)]
pub struct Report {
    pub read: usize,
    pub new: usize,
    pub duplicates: usize,
    pub failed: Vec<(String, String)>,
    pub events_new: usize,
    pub events_merged: usize,
}

impl Report {
    /// The one-line summary.
    pub fn line(&self) -> String {
        format!(
            "read {}, new {}, duplicates {}, failed {}, events new {}, events merged into existing {}",
            self.read,
            self.new,
            self.duplicates,
            self.failed.len(),
            self.events_new,
            self.events_merged
        )
    }
}

/// Parses a `manifest.tsv` (header with at least `file`; optional `url`,
/// `outlet`, `published`).
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
                },
            );
        }
    }
    out
}

/// Expands files and folders (recursively, sorted) into inputs. A path
/// that does not exist becomes an input that fails with that reason.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out)?;
        } else if is_json_dump(p) {
            json_inputs(p, &mut out);
        } else {
            let manifest = p.parent().map(read_manifest).unwrap_or_default();
            out.push(file_input(p, &manifest));
        }
    }
    Ok(out)
}

fn read_manifest(dir: &Path) -> HashMap<String, Meta> {
    std::fs::read_to_string(dir.join("manifest.tsv"))
        .map(|t| parse_manifest(&t))
        .unwrap_or_default()
}

fn file_input(p: &Path, manifest: &HashMap<String, Meta>) -> Input {
    let file = p
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    Input {
        name: p.display().to_string(),
        body: Body::File(p.to_path_buf()),
        meta: manifest.get(&file).cloned().unwrap_or_default(),
    }
}

fn walk(dir: &Path, out: &mut Vec<Input>) -> Result<()> {
    let manifest = read_manifest(dir);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            && p.file_name().is_some_and(|f| f != "README.md")
        {
            if is_json_dump(&p) {
                json_inputs(&p, out);
            } else {
                out.push(file_input(&p, &manifest));
            }
        }
    }
    Ok(())
}

/// `.jsonl`, `.jsonl.gz` and `.json` files hold many documents.
fn is_json_dump(p: &Path) -> bool {
    let n = p.to_string_lossy().to_lowercase();
    n.ends_with(".jsonl") || n.ends_with(".jsonl.gz") || n.ends_with(".json")
}

/// One input per document of a JSON-lines dump (or a `.json` array): fields
/// `url`, `title`, `text` or `html`, `published` (date or date-time),
/// `source` or `outlet`. A line that is not such an object becomes a
/// failed input naming the line.
fn json_inputs(p: &Path, out: &mut Vec<Input>) {
    let name = p.display().to_string();
    let raw = match std::fs::read(p) {
        Ok(b) => b,
        Err(e) => {
            out.push(Input {
                name,
                body: Body::Failed(format!("cannot read: {e}")),
                meta: Meta::default(),
            });
            return;
        }
    };
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut v = Vec::new();
        if let Err(e) =
            std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&raw[..]), &mut v)
        {
            out.push(Input {
                name,
                body: Body::Failed(format!("bad gzip: {e}")),
                meta: Meta::default(),
            });
            return;
        }
        v
    } else {
        raw
    };
    let text = String::from_utf8_lossy(&bytes);
    let docs: Vec<(String, Result<serde_json::Value, String>)> =
        if name.to_lowercase().ends_with(".json") {
            match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(serde_json::Value::Array(items)) => items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (format!("{name}#{}", i + 1), Ok(v)))
                    .collect(),
                Ok(v) => vec![(name.clone(), Ok(v))],
                Err(e) => vec![(name.clone(), Err(format!("not JSON: {e}")))],
            }
        } else {
            text.lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| {
                    (
                        format!("{name}:{}", i + 1),
                        serde_json::from_str(l).map_err(|e| format!("not a JSON line: {e}")),
                    )
                })
                .collect()
        };
    for (doc_name, parsed) in docs {
        let input = match parsed {
            Err(why) => Input {
                name: doc_name,
                body: Body::Failed(why),
                meta: Meta::default(),
            },
            Ok(v) => {
                let s = |k: &str| {
                    v.get(k)
                        .and_then(|x| x.as_str())
                        .map(str::trim)
                        .filter(|x| !x.is_empty())
                        .map(str::to_string)
                };
                let body = match (s("html"), s("text")) {
                    (Some(html), _) => Body::Bytes(html.into_bytes()),
                    (None, Some(t)) => {
                        // The title opens a plain-text article.
                        let full = match s("title") {
                            Some(title) if !t.starts_with(&title) => format!("{title}\n\n{t}"),
                            _ => t,
                        };
                        Body::Bytes(full.into_bytes())
                    }
                    (None, None) => Body::Failed("no \"text\" or \"html\" field".into()),
                };
                let published = s("published")
                    .or_else(|| s("date"))
                    .and_then(|d| d.get(..10).and_then(|x| x.parse().ok()));
                Input {
                    name: doc_name,
                    body,
                    meta: Meta {
                        url: s("url"),
                        outlet: s("source").or_else(|| s("outlet")),
                        published,
                    },
                }
            }
        };
        out.push(input);
    }
}

/// Runs every input through the pipeline into the store.
pub fn ingest_inputs(
    pipeline: &Pipeline,
    store: &mut Store,
    inputs: Vec<Input>,
    quiet: bool,
) -> Report {
    let mut report = Report::default();
    for input in inputs {
        report.read += 1;
        let bytes = match input.body {
            Body::Bytes(b) => Ok(b),
            Body::Failed(why) => Err(why),
            Body::File(p) => std::fs::read(&p).map_err(|e| format!("cannot read: {e}")),
        };
        let result = bytes.and_then(|bytes| {
            let doc = RawDocument {
                bytes,
                url: input.meta.url.clone(),
                publication_date: input.meta.published,
                outlet: input.meta.outlet.clone(),
                kind: None,
            };
            let out = pipeline.run(&doc).map_err(|e| e.to_string())?;
            store
                .ingest(&out, &input.name)
                .map_err(|e| format!("store: {e}"))
        });
        match result {
            Ok(o) if o.new_article => {
                report.new += 1;
                report.events_new += o.events_new;
                report.events_merged += o.events_merged;
                if !quiet {
                    println!(
                        "ingested {}: {} new events, {} merged",
                        input.name, o.events_new, o.events_merged
                    );
                }
            }
            Ok(_) => {
                report.duplicates += 1;
                if !quiet {
                    println!("duplicate {}: already stored", input.name);
                }
            }
            Err(why) => {
                if let Err(e) = store.record_failure(&input.name, &why) {
                    tracing::error!("cannot record failure of {}: {e}", input.name);
                }
                if !quiet {
                    println!("skipped {}: {why}", input.name);
                }
                report.failed.push((input.name, why));
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    #[test]
    fn manifest_rows() {
        let m = super::parse_manifest("file\turl\toutlet\tpublished\nа.txt\thttps://x.example/a\tX\t2025-04-01\nb.html\t-\t-\t-\n");
        assert_eq!(m["а.txt"].published.unwrap().to_string(), "2025-04-01");
        assert!(m["b.html"].url.is_none());
    }
}
