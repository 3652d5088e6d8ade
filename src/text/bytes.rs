//! Byte searches eight bytes at a step, for scanners whose bytes of interest are rare (braces
//! in a template text, quotes and backslashes in a JSON string): each step tests a whole `u64`
//! for a byte equal to, or below, a value, with the usual carry trick, exactly.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `at` as one word, or `None` when fewer than eight remain.
#[inline]
pub fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at + 8)?;
    Some(u64::from_le_bytes(chunk.try_into().ok()?))
}

/// Whether some byte of `word` is below `n` (`n` at most 128).
#[inline]
pub fn has_below(word: u64, n: u8) -> bool {
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS != 0
}

/// Whether some byte of `word` is `b`.
#[inline]
pub fn has(word: u64, b: u8) -> bool {
    has_below(word ^ (ONES * u64::from(b)), 1)
}

/// The position of the first byte from `at` that `wanted` accepts, or `bytes.len()`; `maybe`
/// tells whether a word of eight bytes can hold one (it may say yes wrongly, never no).
#[inline]
pub fn find(
    bytes: &[u8],
    mut at: usize,
    maybe: impl Fn(u64) -> bool,
    wanted: impl Fn(u8) -> bool,
) -> usize {
    while let Some(word) = word_at(bytes, at) {
        if maybe(word) {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| wanted(b))
        .map_or(bytes.len(), |k| at + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_byte_loop_finds() {
        let wanted = |b: u8| b == b'{' || b == b'"' || b < 0x20;
        let maybe = |w: u64| has(w, b'{') || has(w, b'"') || has_below(w, 0x20);
        let samples: [&[u8]; 6] = [
            b"",
            b"plain text without any of them at all, long enough",
            b"0123456{",
            b"a longer text with a brace { here and a \" there",
            "кириллица и \u{1F600} и \n перевод".as_bytes(),
            &[
                0xFF, 0x80, 0x7F, 0x7B, 0x01, 0xFE, 0x22, 0x1F, 0x20, 0x21, 0x7A, 0x7C,
            ],
        ];
        for s in samples {
            for at in 0..=s.len() {
                let by_loop = s[at..]
                    .iter()
                    .position(|&b| wanted(b))
                    .map_or(s.len(), |k| at + k);
                assert_eq!(find(s, at, maybe, wanted), by_loop, "{s:?} from {at}");
            }
        }
        // Every byte value, in every lane.
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut w = [b'x'; 8];
                w[lane] = b;
                let word = u64::from_le_bytes(w);
                assert_eq!(has(word, b'{'), b == b'{', "{b} in lane {lane}");
                assert_eq!(has_below(word, 0x20), b < 0x20, "{b} in lane {lane}");
            }
        }
    }
}
