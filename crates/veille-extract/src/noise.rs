//! Line-level page noise: share bars, "Also Read" links to other stories,
//! newsletter and cookie prompts, copyright lines, a repeated title.
//!
//! Applied to HTML blocks and to plain text alike, so a scraped text dump
//! gets the same treatment as a page.

use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::OnceLock;
use veille_core::RemovedNoise;

struct Rule {
    reason: &'static str,
    re: Regex,
}

/// Words without which the unanchored rules cannot match, found in one pass
/// (those rules would otherwise scan every line of every article): pattern
/// ids up to [`COOKIE_WORDS`] gate the cookie rule, the rest the copyright
/// rule.
fn needles() -> &'static AhoCorasick {
    static NEEDLES: OnceLock<AhoCorasick> = OnceLock::new();
    NEEDLES.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "cookie",
                "©",
                "copyright",
                "(c)",
                "rights reserved",
                "droits r",
            ])
            .expect("noise needles")
    })
}

/// How many of [`needles`] gate the cookie rule.
const COOKIE_WORDS: usize = 1;

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let r = |reason, pat: &str| Rule {
            reason,
            re: ascii_bounded(pat),
        };
        vec![
            r(
                "share bar",
                r"^(share|partager|partagez|share this( article| story| post)?|partagez cet article)\s*:?\s*((on|sur)\s+)?((facebook|twitter|x|whatsapp|linkedin|e-?mail|telegram|print|imprimer|copy link|copier le lien)[\s,|/]*)*$",
            ),
            r(
                "link to another story",
                r"^(also read|read also|read more|see also|more from|recommended|you may also like|don'?t miss|lire aussi|à lire aussi|a lire aussi|à lire également|voir aussi|lire la suite|sur le même sujet)\b\s*[:\-–—]?",
            ),
            r("related links", r"^(related|latest|trending|popular|most read)\s+(news|articles|stories|posts|content|videos)\b"),
            r("related links", r"^(articles similaires|à la une|les plus lus)\b"),
            r(
                "social or newsletter prompt",
                r"^(join|follow|subscribe|sign up|abonnez-vous|suivez-nous|rejoignez|inscrivez-vous)\b.{0,80}\b(whatsapp|telegram|group|groupe|channel|chaîne|newsletter|facebook|twitter|instagram|youtube|google news|updates)\b",
            ),
            r(
                "social or newsletter prompt",
                r"^(get|receive|sign up for|recevez)\b.{0,60}\bnewsletters?\b|^(newsletters?|follow us|suivez-nous|comments?|commentaires?|leave a comment|laisser un commentaire)\s*:?$",
            ),
            r("advertisement", r"^((advertisement|advert|sponsored|click here|cliquez ici)\b|publicité([^\p{L}\p{N}_]|$))"),
            r("cookie banner", r"\bcookies?\b.{0,120}\b(accept|agree|consent|accepter|consentement)|(accept|accepter).{0,40}\bcookies?\b"),
            r("copyright", r"^(©|copyright\b|\(c\)\s*\d{4})|all rights reserved|tous droits réservés"),
            // (Items of at most 20 characters: checked by `short_items`.)
            r("navigation", r"^([\p{L}&' ]+\s*[|•»›]\s*){3,}[\p{L}&' ]*$"),
            // A breadcrumb trail: "Home > Nigeria > Security", "Accueil / Afrique".
            r("navigation", r"^(home|accueil)\s*[>»›|/]|^([\p{L}&' ]+\s*[>»›]\s*){2,}[\p{L}&' ]+$"),
            r(
                "date or time line",
                r"^((last )?(updated|published|posted|mis à jour|publié|modifié)( on| at| le)?\s*:?\s*)?((monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(rs?)?|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|janv|févr|avr|juil|déc|\d{1,4}(st|nd|rd|th|er)?|\d{1,2}[:h]\d{2}(:\d{2})?|[ap]\.?m|utc|gmt|[a-z]{1,3}[sd]t|at|à|le|on)\.?([\s,|/·–—-]+|$)){2,}$",
            ),
            r(
                "byline or dateline",
                r"^((by|par|published|updated|mis à jour|posted)\b|publié([^\p{L}\p{N}_]|$))[^.!?]*$|^[^.!?]*\b(correspondent|reporter|staff|rédaction|correspondant|envoyé spécial)\b[^.!?]*$|^[^.!?]*\b\d{1,2}(er)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fév|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\p{L}*\.? \d{4}\b[^.!?]*$",
            ),
        ]
    })
}

fn date_anchor() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        ascii_bounded(r"\d.*\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fév|mars|avr|mai|juin|juil|août|sept|déc)|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fév|mars|avr|mai|juin|juil|août|sept|déc)\p{L}*\.? \d|\d{1,2}[:h]\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}")
    })
}

/// A case-insensitive noise pattern whose `\b` are ASCII word boundaries.
/// A Unicode `\b` stops the regex crate's fast DFA on any line with a
/// non-ASCII character (a curly quote, an accent) and falls back to a
/// backtracker about ten times slower: most lines of French pages. Every
/// `\b` of the patterns stands next to an ASCII letter or digit of the
/// pattern, where both agree; the words ending in an accent ("publié")
/// are followed by an explicit non-letter instead.
fn ascii_bounded(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)"))).expect("noise pattern")
}

/// Why a line is page noise, or `None` when it is article text.
pub fn noise_reason(line: &str) -> Option<&'static str> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    // [cookie words present, copyright words present]
    let mut present: [bool; 2] = [false; 2];
    for m in needles().find_iter(line) {
        present[usize::from(m.pattern().as_usize() >= COOKIE_WORDS)] = true;
    }
    // Cheap facts that rule out the costly patterns on most lines: a
    // byline or a date line is short, a navigation trail is short or has
    // separators.
    let chars = line.chars().count();
    let separators = || {
        line.chars()
            .filter(|c| matches!(c, '|' | '•' | '»' | '›' | '>' | '/'))
            .count()
    };
    rules()
        .iter()
        .filter(|r| match r.reason {
            "cookie banner" => present[0],
            "copyright" => present[1],
            // (The lengths are checked here rather than by bounded
            // repetitions in the patterns: "[^.!?]{0,80}" and "(...){2,12}"
            // make automata too big for the regex crate's DFA, which then
            // falls back to a backtracker on every short line.)
            "byline or dateline" => chars <= 120,
            "date or time line" => chars <= 240 && line.split_whitespace().nth(24).is_none(),
            "navigation" => separators() >= 2 || chars <= 60,
            _ => true,
        })
        .find(|r| {
            // A date line names a month or a day, or holds a time or a
            // numeric date ("Tuesday, May" and "12 4 2019" are not ones).
            r.re.is_match(line)
                && (r.reason != "date or time line" || date_anchor().is_match(line))
                && (r.reason != "navigation" || short_items(line))
        })
        .map(|r| r.reason)
}

/// A navigation line's items are short ("Home | World | Africa"), unless
/// it starts from the home page ("Home > Nigeria > Security forces ...").
/// (Checked here: "[\p{L}&' ]{1,20}" repeated in a pattern makes an automaton
/// too big for the regex crate's DFA, and short lines then went through a
/// backtracker about forty times slower.)
fn short_items(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    let home = ["home", "accueil"].iter().any(|h| {
        lower
            .strip_prefix(h)
            .is_some_and(|rest| rest.trim_start().starts_with(['>', '»', '›', '|', '/']))
    });
    home || line
        .split(['|', '•', '»', '›', '>'])
        .all(|item| item.trim().chars().count() <= 20)
}

/// Lines equal up to case, spacing and trailing punctuation.
pub fn same_line(a: &str, b: &str) -> bool {
    fn norm(s: &str) -> String {
        collapse_spaces(s)
            .trim_end_matches(['.', ':', ' '])
            .to_lowercase()
    }
    // Far apart in length without their spaces: not the same line (case
    // and end punctuation change a length by little).
    let solid = |s: &str| s.bytes().filter(|b| !b.is_ascii_whitespace()).count();
    if solid(a).abs_diff(solid(b)) > 8 {
        return false;
    }
    norm(a) == norm(b)
}

/// Runs of white space as one space, none at the ends.
fn collapse_spaces(s: &str) -> String {
    // Already so (the common case for HTML blocks): a copy.
    let mut after_space = true;
    let mut clean = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if after_space || c != ' ' {
                clean = false;
                break;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    if clean && !after_space {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans blocks (paragraphs): drops noise lines, the outlet's name on a
/// line of its own (a masthead), and repeats of the title or of the previous
/// line; collapses spaces, drops emptied blocks. Every drop is recorded in
/// `removed`.
pub fn clean_blocks(
    blocks: &[String],
    title: Option<&str>,
    outlet: Option<&str>,
    removed: &mut Vec<RemovedNoise>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(blocks.len());
    let mut title_seen = false;
    let mut title = title.map(str::to_string);
    let mut previous: Option<String> = None;
    for block in blocks {
        let mut kept: Vec<String> = Vec::new();
        for raw in block.lines() {
            let line = collapse_spaces(raw);
            if line.is_empty() {
                continue;
            }
            if let Some(reason) = noise_reason(&line) {
                removed.push(RemovedNoise {
                    text: line,
                    reason: reason.to_string(),
                });
                continue;
            }
            if outlet.is_some_and(|o| same_line(&line, o)) {
                removed.push(RemovedNoise {
                    text: line,
                    reason: "site name".to_string(),
                });
                continue;
            }
            if title.is_none()
                && out.is_empty()
                && kept.is_empty()
                && line.chars().count() <= 200
                && !line.ends_with('.')
            {
                title = Some(line.clone());
            }
            let is_title = title.as_deref().is_some_and(|t| same_line(&line, t));
            if is_title && title_seen || previous.as_deref().is_some_and(|p| p == line) {
                removed.push(RemovedNoise {
                    text: line,
                    reason: "repeated line".to_string(),
                });
                continue;
            }
            title_seen |= is_title;
            previous = Some(line.clone());
            kept.push(line);
        }
        if !kept.is_empty() {
            out.push(kept.join("\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::noise_reason;

    #[test]
    fn noise_lines() {
        for line in [
            "Share:",
            "Also Read:1 fatality and at least 15 injuries from two bomb attacks in Jerusalem",
            "À lire aussi : Burkina: le président limoge son gouvernement",
            "Lire aussi - Niger : la junte suspend un média",
            "Related News",
            "Join NewsTrack Whatsapp group",
            "We use cookies to improve your experience. Accept all",
            "© 2025 Sahel Media. All rights reserved.",
            "Home | World | Africa | Sport",
            "By Staff Reporter | 15 April 2025",
            "Publié le 21 mai 2025",
            "West Africa Monitor correspondent · 18 March 2025",
            "13 May 2025",
            "11:21 pm CST, Tuesday, November 19, 2019",
            "Nov. 19, 2019",
            "5:50 PM",
            "Updated at 1:23 p.m.",
            "2018-08-16",
            "Publié le 21/05/2025 à 14h32",
            "Advert",
            "Get our daily Entertainment newsletter",
            "Follow Us",
            "Home > Nigeria > Security",
            "Accueil / Afrique / Mali",
            // Words ending in an accent, and lines with curly quotes.
            "Publicité",
            "PUBLICITÉ :",
            "Publié par la rédaction",
            "Publié",
            "Sur le même sujet",
            "Suivez-nous sur Facebook et sur la chaîne WhatsApp",
            "Copyright © 2025 L’Écho du Sahel",
        ] {
            assert!(noise_reason(line).is_some(), "{line}");
        }
        for line in [
            "Gunmen shared the loot among themselves, witnesses said.",
            "A camp for the displaced near Gao was raided on Monday by motorcycle-borne gunmen.",
            "Related fighting spread to the north, officials said.",
            "Des manifestants ont rejoint le cortège à Niamey.",
            "By Monday, the army had retaken the town, residents said.",
            "Par ailleurs, l'armée a repris le contrôle de la ville le 3 avril 2025.",
            "Gunmen kill 12 in Mopti on March 3, 2024",
            "Advertisers left the platform after the attack.",
            "Home owners fled the town after the attack.",
            "Comments by the minister angered the families of the victims.",
            "May 2025 floods",
            "2019",
            "Publiée en 2024, l’enquête cite des témoins de Djibo.",
            "Publicités et médias ont été suspendus à Niamey.",
            "Byzantine rules governed the talks.",
            "Soldiers and volunteers of the army | gunmen who attacked the town | residents fled | officials",
        ] {
            assert_eq!(noise_reason(line), None, "{line}");
        }
    }
}
