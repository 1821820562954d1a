//! Name folding for matching: case, accents, apostrophes and hyphens.

use unicode_normalization::UnicodeNormalization;

/// "Ménaka" -> "menaka", "Tin-Hama" -> "tin hama", "N’Djamena" -> "n'djamena".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] into `out` (cleared first), reusing its allocation.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        fold_ascii(s, out)
    } else {
        fold_unicode(s, out)
    }
}

/// [`fold`] of an ASCII string, without decomposing each character (most
/// names and words of English and French news are ASCII).
fn fold_ascii(s: &str, out: &mut String) {
    let mut last_space = true;
    for b in s.bytes() {
        let b = match b {
            b'`' => b'\'',
            b'-' | b'_' => b' ',
            b => b,
        };
        if b.is_ascii_whitespace() || b == 0x0b {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(b.to_ascii_lowercase() as char);
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

/// [`fold`] of any string. Each character is decomposed on its own (and
/// ASCII ones not at all): since every combining mark is dropped, this
/// equals decomposing the whole string (canonical reordering only moves
/// marks among marks).
fn fold_unicode(s: &str, out: &mut String) {
    let mut last_space = true;
    let mut put = |c: char| {
        let c = match c {
            '’' | '‘' | '`' | 'ʼ' => '\'',
            '-' | '‐' | '–' | '—' | '_' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
            last_space = false;
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            put(c);
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if !unicode_normalization::char::is_combining_mark(d) {
                    put(d)
                }
            });
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

/// A name without accents, case kept, as ACLED writes names: "Ségou" ->
/// "Segou", "Ta‘izz" -> "Ta'izz".
pub fn strip_accents(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '`' => '\'',
            'ı' => 'i',
            'ł' => 'l',
            'ø' => 'o',
            'đ' => 'd',
            c => c,
        })
        .collect()
}

/// Levenshtein distance on chars, for short names.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold_ascii(s: &str) -> String {
        let mut out = String::new();
        super::fold_ascii(s, &mut out);
        out
    }

    fn fold_unicode(s: &str) -> String {
        let mut out = String::new();
        super::fold_unicode(s, &mut out);
        out
    }

    /// Folding as first written: the whole string decomposed at once.
    fn fold_nfd(s: &str) -> String {
        let mut out = String::new();
        let mut last_space = true;
        for c in s.nfd() {
            if unicode_normalization::char::is_combining_mark(c) {
                continue;
            }
            let c = match c {
                '’' | '‘' | '`' | 'ʼ' => '\'',
                '-' | '‐' | '–' | '—' | '_' => ' ',
                c => c,
            };
            if c.is_whitespace() {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            } else {
                out.extend(c.to_lowercase());
                last_space = false;
            }
        }
        if out.ends_with(' ') {
            out.pop();
        }
        out
    }

    #[test]
    fn folding_a_character_at_a_time_equals_decomposing_the_whole() {
        for s in [
            "Ménaka",
            "Ségou\u{301}\u{327}x",
            "e\u{327}\u{301} Å ǅ ﬁ Ǆ Ω K",
            "Tombouctou – Tin‐Hama",
            "Takht-e Qeyşar",
            "Đà Nẵng",
            "İstanbul",
            "ΣΑΣ",
            "\u{301}",
        ] {
            assert_eq!(fold_unicode(s), fold_nfd(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn folding_any_text_a_character_at_a_time_equals_decomposing_it(s in "\\PC{0,24}") {
            proptest::prop_assert_eq!(fold_unicode(&s), fold_nfd(&s));
        }

        #[test]
        fn folding_any_mixed_text_equals_decomposing_it(s in "[a-zA-Z\\- ’éÉèçÇœŒ\u{301}\u{327}\u{a0}ŞşİıĀā]{0,24}") {
            proptest::prop_assert_eq!(fold_unicode(&s), fold_nfd(&s));
            proptest::prop_assert_eq!(fold(&s), fold_nfd(&s));
        }
    }

    #[test]
    fn the_ascii_path_folds_as_the_unicode_one() {
        let samples = [
            "Menaka",
            "Tin-Hama",
            "  Fada  N'Gourma ",
            "a\tb\nc\r\x0b\x0cd",
            "x_y`z--w",
            "ABC def-GHI_jkl ` ' \" 123",
            "",
            " ",
            "-",
        ];
        for s in samples {
            assert_eq!(fold_ascii(s), fold_unicode(s), "{s:?}");
        }
        for b in 0u8..128 {
            let s = format!("a{}B{}", b as char, b as char);
            assert_eq!(fold_ascii(&s), fold_unicode(&s), "byte {b}");
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Ménaka"), "menaka");
        assert_eq!(fold("Tin-Hama"), "tin hama");
        assert_eq!(fold("N’Djamena"), "n'djamena");
        assert_eq!(fold("  Fada  N'Gourma "), "fada n'gourma");
        assert_eq!(edit_distance("menka", "menaka"), 1);
    }
}
