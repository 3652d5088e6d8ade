//! A fast hasher for the maps of the hot paths.

use std::hash::{BuildHasherDefault, Hasher};

/// Maps and sets hashed with [`Fx`].
pub(crate) type FxBuild = BuildHasherDefault<Fx>;

/// An FxHash-style hasher, eight bytes at a step: for short strings much cheaper than the
/// default SipHash. Only for maps whose keys an input cannot choose in bulk: the lexicon's word
/// cache and the memo of normalised words (bounded, emptied when full), the phrase keys and the
/// features' word lists (the program's own), the shortener list. The host memos of `domain`
/// keep SipHash.
#[derive(Default)]
pub(crate) struct Fx(u64);

impl Fx {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Fx::K);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
}
