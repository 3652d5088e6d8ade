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

/// The last one to seven bytes of a key as a little-endian word padded with zeros, read four,
/// two and one bytes at a time: the same word as copied into eight zeroed bytes, without the
/// call to `memcpy` a copy of a variable length makes (most keys are short words).
fn padded(rest: &[u8]) -> u64 {
    let (mut word, mut at) = (0, 0);
    if rest.len() & 4 != 0 {
        word = u64::from(u32::from_le_bytes(
            rest[..4].try_into().expect("four bytes"),
        ));
        at = 4;
    }
    if rest.len() & 2 != 0 {
        let two = u16::from_le_bytes(rest[at..at + 2].try_into().expect("two bytes"));
        word |= u64::from(two) << (8 * at);
        at += 2;
    }
    if rest.len() & 1 != 0 {
        word |= u64::from(rest[at]) << (8 * at);
    }
    word
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
            self.add(padded(rest));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of a key is what it was with the copy: the order of the maps built from the
    /// program's lists (the lexicon's keys by their folded form) depends on it.
    #[test]
    fn the_last_bytes_read_as_copied_into_zeroed_bytes() {
        let key = b"\x01\x82\x03\xf4\x05\x06\x97";
        for n in 1..8 {
            let mut last = [0u8; 8];
            last[..n].copy_from_slice(&key[..n]);
            assert_eq!(padded(&key[..n]), u64::from_le_bytes(last), "{n} bytes");
        }
    }
}
