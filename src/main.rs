//! The `walint` command-line tool.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;

fn main() {
    std::process::exit(cli::run());
}
