//! Name folding for matching: case, accents, apostrophes and hyphens.

use unicode_normalization::UnicodeNormalization;

/// "Ménaka" -> "menaka", "Tin-Hama" -> "tin hama", "N’Djamena" -> "n'djamena".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
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
        if c.is_whitespace() || c == ' ' {
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

    #[test]
    fn folding() {
        assert_eq!(fold("Ménaka"), "menaka");
        assert_eq!(fold("Tin-Hama"), "tin hama");
        assert_eq!(fold("N’Djamena"), "n'djamena");
        assert_eq!(fold("  Fada  N'Gourma "), "fada n'gourma");
        assert_eq!(edit_distance("menka", "menaka"), 1);
    }
}
