//! The `walint` command-line tool.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;

// Linting makes many small, short-lived allocations; mimalloc serves them in about half the time
// of the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
