//! Finding notices by words: text folding, matching and title highlighting.
//!
//! Folding maps every character to exactly one character (lower case, full-width forms to
//! their ASCII twins, accented Latin letters to their base letters), so that positions in a
//! folded title are positions in the original title, and highlights land on the right words.

/// The folded form of one character.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = match c {
        // Full-width ASCII (Ａ, １, ＃…) and the ideographic space, common in Korean text.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    let mut lower = c.to_lowercase();
    let c = match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        _ => c,
    };
    strip_accent(c)
}

/// Folds a whole text (see [`fold_char`]). Runs of ASCII, most of most notices, are
/// lowered in bulk: this runs over every notice's body when the data file loads.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii_end = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii_end]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii_end..];
        if let Some(c) = rest.chars().next() {
            out.push(fold_char(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Latin letters with diacritics → base letter (Latin-1 Supplement and Latin Extended-A,
/// lower case, since [`fold_char`] lowers first).
fn strip_accent(c: char) -> char {
    if !('\u{e0}'..='\u{17f}').contains(&c) {
        return c;
    }
    const TABLE: [(char, &str); 12] = [
        ('a', "àáâãäåāăą"),
        ('c', "çćĉċč"),
        ('d', "ďđ"),
        ('e', "èéêëēĕėęě"),
        ('g', "ĝğġģ"),
        ('i', "ìíîïĩīĭįı"),
        ('n', "ñńņňŉ"),
        ('o', "òóôõöøōŏő"),
        ('s', "śŝşš"),
        ('u', "ùúûüũūŭůűų"),
        ('y', "ýÿŷ"),
        ('z', "źżž"),
    ];
    TABLE
        .iter()
        .find(|(_, accented)| accented.contains(c))
        .map_or(c, |(base, _)| *base)
}

/// A search as typed: folded words, every one of which must be found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Terms(Vec<String>);

impl Terms {
    pub fn new(query: &str) -> Terms {
        let mut words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
        words.sort();
        words.dedup();
        Terms(words)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when every text matching `narrower` also matches these (non-empty) terms: each
    /// of these words is inside one of its words, as when a search is typed further.
    pub fn narrowed_by(&self, narrower: &Terms) -> bool {
        !self.0.is_empty()
            && self.0.iter().all(|word| {
                narrower
                    .0
                    .iter()
                    .any(|longer| longer.contains(word.as_str()))
            })
    }

    /// True when every word occurs in `folded` (text already passed through [`fold`]).
    pub fn all_in(&self, folded: &str) -> bool {
        self.0.iter().all(|word| folded.contains(word.as_str()))
    }

    /// Splits `text` into runs, each marked `true` where it matches one of the words.
    pub fn highlight(&self, text: &str) -> Vec<(String, bool)> {
        let original: Vec<char> = text.chars().collect();
        let folded: Vec<char> = original.iter().map(|&c| fold_char(c)).collect();
        let mut marked = vec![false; original.len()];
        for word in &self.0 {
            let word: Vec<char> = word.chars().collect();
            if word.is_empty() || word.len() > folded.len() {
                continue;
            }
            for start in 0..=folded.len() - word.len() {
                if folded[start..start + word.len()] == word[..] {
                    marked[start..start + word.len()]
                        .iter_mut()
                        .for_each(|m| *m = true);
                }
            }
        }
        let mut runs: Vec<(String, bool)> = Vec::new();
        for (c, is_match) in original.into_iter().zip(marked) {
            match runs.last_mut() {
                Some((run, run_match)) if *run_match == is_match => run.push(c),
                _ => runs.push((c.to_string(), is_match)),
            }
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_width_and_accents() {
        assert_eq!(fold("Earthquake DRILL"), "earthquake drill");
        assert_eq!(fold("ＫＩＳＡ　２０２４"), "kisa 2024");
        assert_eq!(
            fold("Andrés Ibarra, São Paulo, Ñuñoa"),
            "andres ibarra, sao paulo, nunoa"
        );
        assert_eq!(fold("지진 대피 훈련"), "지진 대피 훈련");
    }

    #[test]
    fn folding_keeps_one_character_for_each_character() {
        for text in ["İstanbul", "Straße", "ǅ", "ＡＢＣ", "한국어 text", "ﬁle"] {
            assert_eq!(fold(text).chars().count(), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn every_word_must_match() {
        let terms = Terms::new("  Drill  earthquake ");
        assert!(terms.all_in(&fold("Take part in the Earthquake Drill")));
        assert!(!terms.all_in(&fold("Take part in the Civil Defense Drill")));
        assert!(Terms::new("").is_empty());
        assert!(Terms::new("지진").all_in(&fold("2024년 지진 대피 훈련")));
        assert!(Terms::new("ｄｒｉｌｌ").all_in("drill"));
    }

    #[test]
    fn typing_further_narrows_a_search() {
        assert!(Terms::new("dri").narrowed_by(&Terms::new("drill")));
        assert!(Terms::new("dri").narrowed_by(&Terms::new("drill earthquake")));
        assert!(Terms::new("drill quake").narrowed_by(&Terms::new("earthquake drills")));
        assert!(
            !Terms::new("drill").narrowed_by(&Terms::new("dril")),
            "deleting widens"
        );
        assert!(
            !Terms::new("").narrowed_by(&Terms::new("drill")),
            "nothing to reuse"
        );
        assert!(!Terms::new("drill x").narrowed_by(&Terms::new("drill")));
    }

    #[test]
    fn highlights_matches_in_the_original_text() {
        let runs = Terms::new("drill DEF").highlight("Civil Defense Drill");
        assert_eq!(
            runs,
            vec![
                ("Civil ".to_string(), false),
                ("Def".to_string(), true),
                ("ense ".to_string(), false),
                ("Drill".to_string(), true),
            ]
        );
        let runs = Terms::new("sao").highlight("São Paulo");
        assert_eq!(runs[0], ("São".to_string(), true));
        assert_eq!(
            Terms::new("").highlight("Title"),
            vec![("Title".to_string(), false)]
        );
    }
}
