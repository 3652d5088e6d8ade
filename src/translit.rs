//! Latin letters for what must be written in lowercase Latin: template names and named
//! placeholders (`Статус заказа` → `status_zakaza`, `Promoción Verano` → `promocion_verano`).
//!
//! - Cyrillic by the rules of ICAO Doc 9303 (part 3), which Russian international passports
//!   follow since 2014: `й` → `i`, `х` → `kh`, `ц` → `ts`, `щ` → `shch`, `ъ` → `ie`, `ы` → `y`,
//!   `ь` dropped, `ю` → `iu`, `я` → `ia`; also the Ukrainian and Belarusian letters.
//! - Latin letters with diacritics as their base letter (`é` → `e`, `ñ` → `n`, `ệ` → `e`), and
//!   the ligatures and special letters as they are usually spelled out (`ß` → `ss`, `æ` → `ae`,
//!   `ø` → `o`, `ł` → `l`, `þ` → `th`). The tables cover Latin-1, Latin Extended-A and -B and
//!   Latin Extended Additional (Vietnamese); they were made from Unicode's decompositions.

/// Russian `а`..`я` (U+0430..U+044F), ICAO Doc 9303.
const RUSSIAN: [&str; 32] = [
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
    "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia",
];

/// U+00C0..U+024F, one byte per character: its base letter, `-` for none (`×`, `÷`, letters
/// with no Latin reading such as `Ə`), `*` for several ([`several`]).
const LATIN: &[u8; 400] = concat!(
    "aaaaaa*ceeeeiiiidnooooo-ouuuuy**aaaaaa*ceeeeiiiidnooooo-ouuuuy*yaaaaaaccccccccdd",
    "ddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssss",
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzsbbbb---cc-ddd----ff--*--kkl----ooo**pp-----ttttu",
    "u--yyzz-------------*********aaiioouuuuuuuuuu-aaaa**ggggkkoooo--j***gg*-nnaa**oo",
    "aaaaeeeeiiiioooorrrruuuusstt--hh----zzaaeeooooooooyy----**acc-tsz---u-eejj--rryy",
)
.as_bytes()
.first_chunk()
.expect("400 letters");

/// U+1E00..U+1EFF (Latin Extended Additional), the same way.
const LATIN_EXTENDED_ADDITIONAL: &[u8; 256] = concat!(
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm",
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv",
    "wwwwwwwwwwxxxxyyzzzzzzhtwyas--*-aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee",
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy------",
)
.as_bytes()
.first_chunk()
.expect("256 letters");

/// The letters spelled with more than one Latin letter.
fn several(c: char) -> Option<&'static str> {
    Some(match c {
        'Æ' | 'æ' | 'Ǣ' | 'ǣ' | 'Ǽ' | 'ǽ' => "ae",
        'Þ' | 'þ' => "th",
        'ß' | 'ẞ' => "ss",
        'Ĳ' | 'ĳ' => "ij",
        'Œ' | 'œ' => "oe",
        'ƕ' | 'Ƕ' => "hv",
        'Ƣ' | 'ƣ' => "oi",
        'Ǆ' | 'ǅ' | 'ǆ' | 'Ǳ' | 'ǲ' | 'ǳ' => "dz",
        'Ǉ' | 'ǈ' | 'ǉ' => "lj",
        'Ǌ' | 'ǋ' | 'ǌ' => "nj",
        'ȸ' => "db",
        'ȹ' => "qp",
        _ => return None,
    })
}

/// The lowercase Latin spelling of a letter that is not ASCII, if walint knows one.
pub fn latin(c: char) -> Option<&'static str> {
    /// One lowercase ASCII letter as a string.
    fn letter(b: u8) -> Option<&'static str> {
        const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz";
        let i = b.checked_sub(b'a')? as usize;
        ALPHABET.get(i..i + 1)
    }
    let code = c as u32;
    match c {
        'А'..='Я' => Some(RUSSIAN[(code - 'А' as u32) as usize]),
        'а'..='я' => Some(RUSSIAN[(code - 'а' as u32) as usize]),
        'Ё' | 'ё' | 'Є' | 'є' => Some(if matches!(c, 'Ё' | 'ё') { "e" } else { "ie" }),
        'І' | 'і' | 'Ї' | 'ї' => Some("i"),
        'Ґ' | 'ґ' => Some("g"),
        'Ў' | 'ў' => Some("u"),
        '\u{C0}'..='\u{24F}' => match LATIN[(code - 0xC0) as usize] {
            b'*' => several(c),
            b => letter(b),
        },
        '\u{1E00}'..='\u{1EFF}' => match LATIN_EXTENDED_ADDITIONAL[(code - 0x1E00) as usize] {
            b'*' => several(c),
            b => letter(b),
        },
        _ => None,
    }
}

/// `Order-Update №2` → `order_update_2`, `Статус заказа` → `status_zakaza`, `Été 2024` →
/// `ete_2024`: lowercase ASCII letters and digits, every other run of characters one `_`
/// (none at the ends).
pub fn snake_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(t) = latin(c) {
            out.push_str(t);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_the_issue_and_other_languages() {
        for (name, expected) in [
            ("Promoción Verano", "promocion_verano"),
            ("Été 2024", "ete_2024"),
            ("Статус заказа", "status_zakaza"),
            ("Юбилейная распродажа", "iubileinaia_rasprodazha"),
            ("Щедрый подъезд, ёлка, эхо", "shchedryi_podieezd_elka_ekho"),
            ("Привіт, Ґанок", "privit_ganok"),
            (
                "Straße Æbleskiver Łódź Ørsted",
                "strasse_aebleskiver_lodz_orsted",
            ),
            ("Tiếng Việt Đà Nẵng", "tieng_viet_da_nang"),
            ("Ação Família Müller Ñandú", "acao_familia_muller_nandu"),
            ("Order-Update №2", "order_update_2"),
            ("  __x  ", "x"),
            ("👋 日本", ""),
        ] {
            assert_eq!(snake_case(name), expected, "{name}");
        }
    }

    #[test]
    fn every_letter_of_the_tables_is_lowercase_ascii() {
        let ranges = [0xC0..=0x24F, 0x1E00..=0x1EFF, 0x400..=0x4FF];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            if let Some(t) = latin(c) {
                assert!(t.bytes().all(|b| b.is_ascii_lowercase()), "{c:?} → {t:?}");
                assert!(c.is_alphabetic(), "{c:?} is not a letter");
            }
        }
        // Upper and lower case read the same.
        for c in ('А'..='я').chain("ÀÉÑØÆŒŁŽĐÞẞỆ".chars()) {
            for lower in c.to_lowercase() {
                assert_eq!(latin(c), latin(lower), "{c:?}");
            }
        }
        assert_eq!(latin('×'), None);
        assert_eq!(latin('ь'), Some(""));
    }
}
