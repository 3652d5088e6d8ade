//! The pool, per thread.

use super::super::{Field, Token};
use crate::lexicon::Match;
use crate::words::Words;
use std::cell::RefCell;
use std::ops::Range;

/// At most this many spare vectors of each kind (a template has about eight texts).
const KEPT: usize = 16;
/// A vector is kept only if its buffer is at most this many bytes (a 1 024-character body's
/// tokens take about 12 KiB).
const KEPT_BYTES: usize = 16 << 10;

#[derive(Default)]
struct Spare {
    tokens: Vec<Vec<Token>>,
    ranges: Vec<Vec<Range<usize>>>,
    words: Vec<Words>,
    matches: Vec<Vec<Match>>,
}

thread_local! {
    static SPARE: RefCell<Spare> = RefCell::default();
}

fn keep<T>(list: &mut Vec<Vec<T>>, mut v: Vec<T>) {
    if list.len() < KEPT && v.capacity() * size_of::<T>() <= KEPT_BYTES && v.capacity() > 0 {
        v.clear();
        list.push(v);
    }
}

/// An empty vector of tokens with room for at least `capacity`.
pub(in crate::analysis) fn tokens(capacity: usize) -> Vec<Token> {
    let mut v = SPARE
        .with(|s| s.borrow_mut().tokens.pop())
        .unwrap_or_default();
    v.reserve(capacity);
    v
}

/// An empty vector of byte ranges with room for at least `capacity`.
pub(in crate::analysis) fn ranges(capacity: usize) -> Vec<Range<usize>> {
    let mut v = SPARE
        .with(|s| s.borrow_mut().ranges.pop())
        .unwrap_or_default();
    v.reserve(capacity);
    v
}

/// Empty words ([`Words::clear`]) and an empty vector of lexicon matches.
pub(in crate::analysis) fn words_and_matches() -> (Words, Vec<Match>) {
    SPARE.with(|s| {
        let mut s = s.borrow_mut();
        (
            s.words.pop().unwrap_or_default(),
            s.matches.pop().unwrap_or_default(),
        )
    })
}

/// Gives back the raw word ranges of a text once its words are read.
pub(in crate::analysis) fn give_ranges(v: Vec<Range<usize>>) {
    SPARE.with(|s| keep(&mut s.borrow_mut().ranges, v));
}

/// Gives back the vectors of the fields of a template once it is linted.
pub(in crate::analysis) fn give_fields(fields: &mut [Field<'_>]) {
    SPARE.with(|s| {
        let s = &mut *s.borrow_mut();
        for f in fields {
            let facts = &mut f.facts;
            keep(&mut s.tokens, std::mem::take(&mut facts.tokens));
            keep(&mut s.matches, std::mem::take(&mut facts.matches));
            let mut words = std::mem::take(&mut facts.words);
            if s.words.len() < KEPT && words.buffer_bytes() <= KEPT_BYTES {
                words.clear();
                s.words.push(words);
            }
        }
    })
}
