//! `veille`: the command-line entry point. Parses arguments and wires the
//! pure pipeline to the edges (files, the store, the server).

mod bench;
mod cli;
mod config;
mod demo;
mod eval;
mod ingest;
mod nlp_json;
mod queue;
mod watch;
mod worker;

use clap::Parser;

/// mimalloc instead of the system allocator: the pipeline makes thousands of
/// small allocations per page, and mimalloc serves them in fewer instructions
/// than glibc's malloc (see README, "Measured").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args = cli::Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match cli::run(args) {
        Ok(code) => std::process::exit(code),
        // A closed pipe (`veille export | head`) is the reader's choice, not an error.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            std::process::exit(0)
        }
        // Usage errors (bad configuration, bad option values) exit 2, as
        // clap's own do; everything else 1.
        Err(e) => {
            eprintln!("error: {e:#}");
            let usage = e
                .chain()
                .any(|c| c.downcast_ref::<config::UsageError>().is_some());
            std::process::exit(if usage { 2 } else { 1 });
        }
    }
}
