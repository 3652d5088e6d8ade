//! Look-alike letters in host names, for spotting imitations of a domain.
//!
//! A compact version of the Unicode TR39 confusable "skeleton", limited to what host-name
//! spoofing uses: Cyrillic and Greek letters that look Latin (`о`, `а`, `р`, `ο`, `ν`), digits
//! that look like letters (`0`, `1`), and the classic letter pairs (`rn` for `m`, `vv` for
//! `w`). The full TR39 tables would add about 50 kB to the WebAssembly package.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Other,
}

fn script(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None; // digits, hyphens: common to every script
    }
    Some(match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => Script::Latin,
        '\u{0400}'..='\u{052F}' => Script::Cyrillic,
        '\u{0370}'..='\u{03FF}' => Script::Greek,
        _ => Script::Other,
    })
}

/// Whether a label mixes alphabets (`rоmashka` with a Cyrillic `о`).
pub fn is_mixed_script(label: &str) -> bool {
    let mut seen = None;
    for s in label.chars().filter_map(script) {
        match seen {
            None => seen = Some(s),
            Some(first) if first != s => return true,
            Some(_) => {}
        }
    }
    false
}

/// The Latin letter a character passes for, if it is a look-alike.
fn prototype(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' => 'a',
        'в' => 'b',
        'е' => 'e',
        'ё' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'ѕ' => 's',
        'і' => 'i',
        'ї' => 'i',
        'ј' => 'j',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        'ӏ' => 'l',
        'ү' => 'y',
        'к' => 'k',
        'м' => 'm',
        'т' => 't',
        'н' => 'h',
        // Greek
        'α' => 'a',
        'ο' => 'o',
        'ρ' => 'p',
        'ν' => 'v',
        'ι' => 'i',
        'κ' => 'k',
        'χ' => 'x',
        'υ' => 'u',
        'ω' => 'w',
        'τ' => 't',
        'β' => 'b',
        'ε' => 'e',
        // Latin variants and digits
        'ı' => 'i',
        'ɑ' => 'a',
        'ℓ' => 'l',
        '0' => 'o',
        '1' => 'l',
        _ => return None,
    })
}

/// The skeleton of a host: lower case, look-alikes replaced by the letters they pass for,
/// `rn` read as `m` and `vv` as `w`. Two hosts with the same skeleton look the same.
pub fn skeleton(host: &str) -> String {
    let folded: String = host
        .to_lowercase()
        .chars()
        .map(|c| prototype(c).unwrap_or(c))
        .collect();
    folded.replace("rn", "m").replace("vv", "w")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_scripts() {
        assert!(is_mixed_script("rоmashka")); // Cyrillic о
        assert!(is_mixed_script("раypal"));
        assert!(!is_mixed_script("romashka-shop"));
        assert!(!is_mixed_script("пример"));
        assert!(!is_mixed_script("shop24"));
    }

    #[test]
    fn skeletons() {
        assert_eq!(skeleton("rоmashka-shop.ru"), skeleton("romashka-shop.ru"));
        assert_eq!(skeleton("rornashka-shop.ru"), skeleton("romashka-shop.ru"));
        assert_eq!(skeleton("paypa1.com"), skeleton("paypal.com"));
        assert_eq!(skeleton("ΑΡΡLE.com"), skeleton("apple.com"));
        assert_ne!(skeleton("romashka.ru"), skeleton("romaska.ru"));
    }
}
