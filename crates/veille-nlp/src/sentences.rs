//! Sentence splitting for English and French news text.
//!
//! Paragraph and line breaks always end a sentence. Inside a line, `.`, `!`,
//! `?` (and `…`) followed by space and an upper-case letter, digit or
//! opening quote end a sentence, except after abbreviations (Gen., Col.,
//! M., Mme., Dr., St., No.), single initials and inside numbers.

use veille_core::{Sentence, Span};

const ABBREVIATIONS: &[&str] = &[
    "gen", "col", "lt", "lieut", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "brig", "mr", "mrs",
    "ms", "dr", "st", "ste", "mt", "no", "nos", "vol", "jan", "feb", "mar", "apr", "aug", "sept",
    "sep", "oct", "nov", "dec", "gov", "sen", "rep", "pres", "prof", "rev", "hon", "jr", "sr",
    "inc", "ltd", "co", "corp", "vs", "etc", "approx", "m", "mm", "mme", "mmes", "mlle", "mgr",
    "me", "pr", "cf", "av", "art", "env", "u.s", "u.n", "e.g", "i.e",
];

/// Splits `text` into sentences with their paragraph index.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut offset = 0usize;
    for (i, block) in text.split("\n\n").enumerate() {
        if i > 0 {
            offset += 2;
        }
        let mut line_offset = offset;
        for line in block.split('\n') {
            split_line(line, line_offset, paragraph, &mut out);
            line_offset += line.len() + 1;
        }
        offset += block.len();
        if !block.trim().is_empty() {
            paragraph += 1;
        }
    }
    out
}

fn split_line(line: &str, base: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Swallow closing quotes and brackets after the stop.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')' | '»' | '.')
            {
                j += 1;
            }
            // French spacing: "partis. »"
            if j + 1 < chars.len() && chars[j].1.is_whitespace() && chars[j + 1].1 == '»' {
                j += 2;
            }
            let end = chars.get(j).map(|x| x.0).unwrap_or(line.len());
            let next_is_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next = chars.get(k).map(|x| x.1);
            let starts_sentence = next.is_some_and(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '“' | '«' | '\'' | '(' | '‘')
            });
            if next_is_space && starts_sentence && !(c == '.' && is_abbreviation(&line[start..pos]))
            {
                push(line, base, start, end, paragraph, out);
                start = chars.get(k).map(|x| x.0).unwrap_or(line.len());
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push(line, base, start, line.len(), paragraph, out);
}

fn push(
    line: &str,
    base: usize,
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let piece = &line[start..end];
    let trimmed_start = start + (piece.len() - piece.trim_start().len());
    let trimmed_end = end - (piece.len() - piece.trim_end().len());
    if trimmed_end > trimmed_start {
        out.push(Sentence {
            span: Span::new(base + trimmed_start, base + trimmed_end),
            paragraph,
        });
    }
}

/// Whether the word before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true; // an initial: "J. Smith"
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split_sentences(t).iter().map(|s| s.span.of(t)).collect()
    }

    #[test]
    fn english_abbreviations_and_quotes() {
        let t = "Gen. Abdourahamane Tiani spoke. \"They fled,\" he said. Col. A. Diallo arrived at 10.30 a.m. on Monday.\n\nNew paragraph here.";
        assert_eq!(
            texts(t),
            vec![
                "Gen. Abdourahamane Tiani spoke.",
                "\"They fled,\" he said.",
                "Col. A. Diallo arrived at 10.30 a.m. on Monday.",
                "New paragraph here."
            ]
        );
        let s = split_sentences(t);
        assert_eq!(s[3].paragraph, 1);
    }

    #[test]
    fn news_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "BAMAKO (AFP) - Gunmen killed five people on Monday, officials said. The army sent reinforcements.",
                &["BAMAKO (AFP) - Gunmen killed five people on Monday, officials said.", "The army sent reinforcements."],
            ),
            (
                "Lt. Col. A. Diallo told reporters at 10.30 a.m. that 2.5 tonnes of food had arrived. Aid groups confirmed it.",
                &["Lt. Col. A. Diallo told reporters at 10.30 a.m. that 2.5 tonnes of food had arrived.", "Aid groups confirmed it."],
            ),
            (
                "She added: « Ils sont partis. » The U.S. embassy in Bamako closed. St. Louis is far.",
                &["She added: « Ils sont partis. »", "The U.S. embassy in Bamako closed.", "St. Louis is far."],
            ),
            ("\"We are afraid,\" said Mme Traoré. \"They came at night.\" Nobody slept.", &["\"We are afraid,\" said Mme Traoré.", "\"They came at night.\"", "Nobody slept."]),
            ("Gen. Tiani et le Pr Diallo sont arrivés. Le Dr Keïta aussi !", &["Gen. Tiani et le Pr Diallo sont arrivés.", "Le Dr Keïta aussi !"]),
            ("Did they fire? Yes. 12 people died.", &["Did they fire?", "Yes.", "12 people died."]),
            ("No. 3 battalion left.\nA second line.", &["No. 3 battalion left.", "A second line."]),
            ("Niamey, 3 mars (AFP) – Des manifestants ont défilé.", &["Niamey, 3 mars (AFP) – Des manifestants ont défilé."]),
        ];
        for (text, want) in cases {
            assert_eq!(&texts(text), want, "{text}");
        }
    }

    #[test]
    fn french_titles() {
        let t = "M. Diallo et Mme Traoré ont été reçus. Le Dr Keïta a confirmé le bilan.";
        assert_eq!(
            texts(t),
            vec![
                "M. Diallo et Mme Traoré ont été reçus.",
                "Le Dr Keïta a confirmé le bilan."
            ]
        );
    }
}
