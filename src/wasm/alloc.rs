//! The package's allocator: free lists by size class, without splitting or merging blocks.
//!
//! Linting makes a few hundred small, short-lived allocations per template (words, tokens,
//! findings, strings), and the same sizes again for the next template. The standard library's
//! `dlmalloc` spent about a tenth of a `lint()` in Node finding, splitting and merging chunks;
//! here an allocation pops a block of its class (or cuts a new one from the end of memory) and
//! a free pushes it back, a few instructions each. The price is memory: a freed block serves
//! only its own class, and a size is rounded up to its class (at most a quarter more). Memory
//! stays bounded because linting the same kind of input needs the same blocks again, and
//! WebAssembly memory never shrinks anyway.
//!
//! WebAssembly without threads (the package's target) runs one thread: no locking.

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod heap;

/// Every block is aligned to this (larger alignments are served by `heap::SizeClasses::alloc_aligned`).
const ALIGN: usize = 16;
/// Sizes up to this are classes `ALIGN` bytes apart; above, four classes per power of two.
const SMALL: usize = 256;
const SMALL_CLASSES: usize = SMALL / ALIGN;
/// Up to 2^31 bytes: four classes per power of two from 2^8 to 2^31.
const CLASSES: usize = SMALL_CLASSES + 4 * (31 - 8);

/// The class of a size and that class's block size; `None` past 2^31.
fn class(size: usize) -> Option<(usize, usize)> {
    if size <= SMALL {
        let units = size.max(1).div_ceil(ALIGN);
        return Some((units - 1, units * ALIGN));
    }
    // 2^k < size <= 2^(k+1), k >= 8: blocks of 5, 6, 7 or 8 quarters of 2^k.
    let k = (usize::BITS - 1 - (size - 1).leading_zeros()) as usize;
    if k >= 31 {
        return None;
    }
    let quarter = 1 << (k - 2);
    let quarters = size.div_ceil(quarter);
    Some((
        SMALL_CLASSES + 4 * (k - 8) + (quarters - 5),
        quarters * quarter,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_round_up_by_at_most_a_quarter() {
        assert_eq!(class(0), Some((0, 16)));
        assert_eq!(class(1), Some((0, 16)));
        assert_eq!(class(16), Some((0, 16)));
        assert_eq!(class(17), Some((1, 32)));
        assert_eq!(class(256), Some((15, 256)));
        assert_eq!(class(257), Some((16, 320)));
        assert_eq!(class(320), Some((16, 320)));
        assert_eq!(class(321), Some((17, 384)));
        assert_eq!(class(512), Some((19, 512)));
        assert_eq!(class(513), Some((20, 640)));
        assert_eq!(class(1 << 31), Some((CLASSES - 1, 1 << 31)));
        assert_eq!(class((1 << 31) + 1), None);
        let mut last = 0;
        for size in 1..100_000 {
            let (index, block) = class(size).unwrap();
            assert!(
                block >= size && block - size <= size / 4 + ALIGN,
                "{size} -> {block}"
            );
            assert!(block % ALIGN == 0);
            assert!(index >= last && index < CLASSES);
            last = index;
        }
    }
}
