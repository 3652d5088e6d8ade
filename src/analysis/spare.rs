//! Vectors of the analysis kept per thread from one template to the next, emptied but not
//! freed: a template's texts each need a few (tokens, raw words, words, lexicon matches), and
//! taking them back from here costs less than allocating and freeing them for every text.
//! Only small ones are kept, and only a few of each kind, so that a long input does not leave
//! its memory behind.
//!
//! Not in WebAssembly: there the page's size build pays for the pool's code in bytes (about
//! 0.8 kB gzipped, measured), and lints one template at a time, so the vectors are allocated
//! as they were.

#[cfg(not(target_arch = "wasm32"))]
mod kept;
#[cfg(not(target_arch = "wasm32"))]
pub(super) use kept::*;

#[cfg(target_arch = "wasm32")]
pub(super) use fresh::*;

/// Every vector new, none kept.
#[cfg(target_arch = "wasm32")]
mod fresh {
    use super::super::{Field, Token};
    use crate::lexicon::Match;
    use crate::words::Words;
    use std::ops::Range;

    pub(in crate::analysis) fn tokens(capacity: usize) -> Vec<Token> {
        Vec::with_capacity(capacity)
    }

    pub(in crate::analysis) fn ranges(capacity: usize) -> Vec<Range<usize>> {
        Vec::with_capacity(capacity)
    }

    pub(in crate::analysis) fn words_and_matches() -> (Words, Vec<Match>) {
        Default::default()
    }

    pub(in crate::analysis) fn give_ranges(_: Vec<Range<usize>>) {}

    pub(in crate::analysis) fn give_fields(_: &mut [Field<'_>]) {}
}
