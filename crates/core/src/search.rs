//! Finding notices by words: text folding, matching and title highlighting.
//!
//! Folding maps every character to exactly one character (lower case, full-width forms to
//! their ASCII twins, accented Latin letters to their base letters), so that positions in a
//! folded title are positions in the original title, and highlights land on the right words.
//!
//! Initial-consonant (초성) search, as on Naver and Daum: a search word made only of Hangul
//! consonants (ㄱ–ㅎ) also finds a title whose consecutive syllables start with those
//! consonants, in that order: `ㅎㅈㅇㅈㅂ` finds 행정안전부. Spaces in the title are skipped
//! (`ㅈㅈㄷㅍ` finds 지진 대피 훈련); any other character (a digit, a Latin letter,
//! punctuation) ends the run of syllables. Only titles are searched this way: initials of a
//! whole body would match almost anything. Such a word still matches where its letters occur
//! as typed, as every word did before, so no search finds fewer notices than it used to.
//! The initials are worked out as they are needed, one pass over the title, and not stored.

/// The folded form of one character.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = match c {
        // Full-width ASCII (Ａ, １, ＃…) and the ideographic space, common in Korean text.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        // Half-width Hangul consonants (ﾡ…ﾾ, from older input methods) and the leading
        // consonants of decomposed syllables (ᄀ…ᄒ) → the consonants a keyboard types (ㄱ…ㅎ).
        '\u{FFA1}'..='\u{FFBE}' => char::from_u32(c as u32 - 0xCE70).unwrap_or(c),
        '\u{1100}'..='\u{1112}' => INITIALS[c as usize - 0x1100],
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

/// The 19 consonants a Hangul syllable can start with, in Unicode's order of syllables.
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// The consonant a Hangul syllable starts with (행 → ㅎ); `None` for anything else.
fn initial_of(c: char) -> Option<char> {
    let offset = (c as u32).checked_sub(0xAC00)?;
    // 21 vowels × 28 endings = 588 syllables for each initial consonant.
    INITIALS.get((offset / 588) as usize).copied()
}

/// True for a search word made only of Hangul consonants (ㄱ–ㅎ), searched by initials.
fn is_initials_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| ('\u{3131}'..='\u{314E}').contains(&c))
}

/// What initial-consonant words are matched against: for each character of `title`, the
/// initial of a syllable, nothing for a space, and a space (which no search word holds)
/// for anything else; each with the character's place in `title`.
fn initials(title: impl Iterator<Item = char>) -> impl Iterator<Item = (char, usize)> {
    title
        .enumerate()
        .filter_map(|(place, c)| match initial_of(c) {
            Some(initial) => Some((initial, place)),
            None if c.is_whitespace() => None,
            None => Some((' ', place)),
        })
}

/// The runs of initial consonants of a notice's title (from its search text `folded`, see
/// [`Terms::all_in`]): an initial-consonant word matches a title when it is inside one of
/// them. The search index lists them beside the text's words.
pub(crate) fn title_initial_runs(folded: &str) -> Vec<String> {
    initials_of_title(folded)
        .split(' ')
        .filter(|run| !run.is_empty())
        .map(str::to_string)
        .collect()
}

/// The initials of the title of a search text, a space for anything else that is not a space
/// (see [`initials`]).
fn initials_of_title(folded: &str) -> String {
    initials(title_of(folded).chars()).map(|(c, _)| c).collect()
}

/// Characters of a body shown before and after the first match in an excerpt (at most): two
/// short lines on a phone.
const EXCERPT_BEFORE: usize = 40;
const EXCERPT_AFTER: usize = 100;

/// The title part of a search text (see `dataset::search_text`: the title, a line break,
/// the body). A title holding a line break is cut there, so the body is never read as title.
fn title_of(folded: &str) -> &str {
    folded.split('\n').next().unwrap_or_default()
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

    /// The folded words, each once.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
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

    /// True when every word occurs in `folded` (a notice's search text: its title, a line
    /// break and its body, passed through [`fold`]), or, for a word of consonants only, in
    /// the initials of the title's syllables (see the module's documentation).
    ///
    /// One pass over the text for each word, and at most one over the title for initials.
    pub fn all_in(&self, folded: &str) -> bool {
        let mut title_initials: Option<String> = None;
        self.0.iter().all(|word| {
            folded.contains(word.as_str())
                || is_initials_word(word)
                    && title_initials
                        .get_or_insert_with(|| initials_of_title(folded))
                        .contains(word.as_str())
        })
    }

    /// True when the title alone holds every word: a notice found by its body needs an
    /// excerpt ([`Terms::excerpt`]).
    pub fn all_in_title(&self, title: &str) -> bool {
        self.all_in(&fold(title))
    }

    /// Why a notice whose title does not hold every word matches: a short piece of its
    /// `body` around the first place one of the words missing from the title occurs, cut at
    /// spaces, with `…` where it is cut and every word marked (as [`Terms::highlight`]
    /// does, without initials: those are read in titles only). `None` when the title alone
    /// matches or no such word is in the body.
    ///
    /// One pass over the body for each word, and one over the piece.
    pub fn excerpt(&self, title: &str, body: &str) -> Option<Vec<(String, bool)>> {
        if self.all_in_title(title) {
            return None;
        }
        let folded_title = fold(title);
        let folded_body = fold(body);
        // Folding keeps one character for each: a character offset in the folded body is
        // one in the body.
        let first = self
            .0
            .iter()
            .filter(|word| !folded_title.contains(word.as_str()))
            .filter_map(|word| folded_body.find(word.as_str()))
            .min()?;
        let at = folded_body[..first].chars().count();
        let chars: Vec<char> = body.chars().collect();
        // Cut at spaces, so that no word is cut in two (unless a word is longer than the
        // piece): after the first space of the part before, at the last of the part after.
        let is_space = |&i: &usize| chars[i].is_whitespace();
        let start = match at.checked_sub(EXCERPT_BEFORE) {
            None => 0,
            Some(from) => (from..at).find(is_space).map_or(from, |i| i + 1),
        };
        let end = match at + EXCERPT_AFTER >= chars.len() {
            true => chars.len(),
            false => (at..at + EXCERPT_AFTER)
                .rev()
                .find(is_space)
                .unwrap_or(at + EXCERPT_AFTER),
        };
        let piece: String = chars[start..end.max(start)].iter().collect();
        // Line breaks of the body become spaces: the piece is one line of the list.
        let piece = piece.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut runs = self.marked(&piece, false);
        if start > 0 {
            runs.insert(0, ("… ".to_string(), false));
        }
        if end < chars.len() {
            runs.push((" …".to_string(), false));
        }
        Some(runs)
    }

    /// Splits a title into runs, each marked `true` where it matches one of the words:
    /// as typed, or (for a word of consonants) the syllables whose initials match.
    pub fn highlight(&self, text: &str) -> Vec<(String, bool)> {
        self.marked(text, true)
    }

    /// [`Terms::highlight`], with or without the initials of syllables.
    fn marked(&self, text: &str, with_initials: bool) -> Vec<(String, bool)> {
        let original: Vec<char> = text.chars().collect();
        let folded: Vec<char> = original.iter().map(|&c| fold_char(c)).collect();
        let mut marked = vec![false; original.len()];
        let mut title_initials: Option<Vec<(char, usize)>> = None;
        for word in &self.0 {
            let chars: Vec<char> = word.chars().collect();
            mark_matches(&folded, &chars, |place| marked[place] = true);
            if with_initials && is_initials_word(word) {
                let title_initials = title_initials
                    .get_or_insert_with(|| initials(folded.iter().copied()).collect());
                let sounds: Vec<char> = title_initials.iter().map(|&(c, _)| c).collect();
                mark_matches(&sounds, &chars, |at| marked[title_initials[at].1] = true);
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

/// Calls `mark` with each place in `text` inside an occurrence of `word`.
fn mark_matches(text: &[char], word: &[char], mut mark: impl FnMut(usize)) {
    if word.is_empty() || word.len() > text.len() {
        return;
    }
    for start in 0..=text.len() - word.len() {
        if text[start..start + word.len()] == word[..] {
            (start..start + word.len()).for_each(&mut mark);
        }
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
    fn a_body_match_is_shown_in_a_short_excerpt_with_its_words_marked() {
        let terms = Terms::new("drill SHELTER");
        let body = "The annual drill starts at 2 pm.\n\nWhen the siren sounds, walk calmly to the nearest Shelter and wait there for the all-clear signal, which lasts a full minute.";
        let runs = terms.excerpt("Civil Defense Drill", body).unwrap();
        let text: String = runs.iter().map(|(piece, _)| piece.as_str()).collect();
        assert_eq!(
            text,
            "… sounds, walk calmly to the nearest Shelter and wait there for the all-clear signal, which lasts a full minute."
        );
        let long = format!("{body} {}", "More words follow here. ".repeat(20));
        let runs = terms.excerpt("Civil Defense Drill", &long).unwrap();
        let text: String = runs.iter().map(|(piece, _)| piece.as_str()).collect();
        assert!(
            text.ends_with(" follow …") || text.ends_with(" …"),
            "{text}"
        );
        assert!(text.chars().count() <= 150, "{text}");
        let marked: Vec<&str> = runs
            .iter()
            .filter(|(_, m)| *m)
            .map(|(p, _)| p.as_str())
            .collect();
        assert_eq!(marked, ["Shelter"]);
        // The title alone matches: no excerpt.
        assert_eq!(
            Terms::new("drill").excerpt("Civil Defense Drill", body),
            None
        );
        // Korean inside words, at the start of a short body: nothing is cut.
        let runs = Terms::new("안전부")
            .excerpt("공지", "행정안전부 발표")
            .unwrap();
        assert_eq!(
            runs,
            [
                ("행정".into(), false),
                ("안전부".into(), true),
                (" 발표".into(), false)
            ]
        );
        // Initials find titles, not bodies.
        assert_eq!(Terms::new("ㅎㅈ").excerpt("공지", "행정안전부"), None);
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

    #[test]
    fn initial_consonants_find_a_title_by_the_first_sound_of_each_syllable() {
        let title = fold("행정안전부 보도자료");
        assert!(Terms::new("ㅎㅈㅇㅈㅂ").all_in(&title));
        assert!(Terms::new("ㅈㅇㅈ").all_in(&title), "inside a word");
        assert!(Terms::new("ㅂㄷㅈㄹ").all_in(&title));
    }

    #[test]
    fn initial_consonants_skip_the_spaces_between_words_of_a_title() {
        let notice = fold("2024년 지진 대피 훈련\nBody");
        assert!(Terms::new("ㅈㅈ 훈련").all_in(&notice));
        assert!(Terms::new("ㅈㅈㄷㅍ").all_in(&notice), "across a space");
        assert!(Terms::new("ㄴㅈㅈ").all_in(&notice), "년 지진");
        assert!(
            !Terms::new("ㅈㅈ 소방").all_in(&notice),
            "every word must match"
        );
    }

    #[test]
    fn initial_consonants_do_not_find_what_is_not_there() {
        let notice = fold("지진 대피 훈련\n행정안전부 안내");
        assert!(
            !Terms::new("ㅎㅈ").all_in(&notice),
            "initials of the body do not count"
        );
        assert!(!Terms::new("ㄷㅈ").all_in(&notice), "out of order");
        assert!(!Terms::new("ㅈㅈㅎ").all_in(&notice), "a syllable left out");
        assert!(!Terms::new("ㅉ").all_in(&notice), "ㅉ is not ㅈ");
        assert!(
            !Terms::new("ㅂ2").all_in(&fold("방역2024")),
            "not consonants only"
        );
        let broken = fold("행정·안전부");
        assert!(
            !Terms::new("ㅎㅈㅇㅈㅂ").all_in(&broken),
            "punctuation ends a run of syllables"
        );
        assert!(Terms::new("ㅇㅈㅂ").all_in(&broken));
    }

    #[test]
    fn consonants_typed_as_they_are_still_find_them_anywhere() {
        // A body that holds the consonants themselves is found, as before.
        assert!(Terms::new("ㅋㅋ").all_in(&fold("Title\nGreat drill ㅋㅋ")));
    }

    #[test]
    fn half_width_and_decomposed_consonants_search_like_the_ones_on_a_keyboard() {
        assert_eq!(fold("ﾾﾸ"), "ㅎㅈ");
        assert_eq!(fold("\u{1112}\u{110C}"), "ㅎㅈ");
        assert!(Terms::new("ﾾﾸﾷﾸﾲ").all_in(&fold("행정안전부")));
        assert!(Terms::new("\u{1112}\u{110C}").all_in(&fold("행정안전부")));
    }

    #[test]
    fn typing_more_initial_consonants_narrows_a_search() {
        assert!(Terms::new("ㅎㅈ").narrowed_by(&Terms::new("ㅎㅈㅇ")));
        assert!(Terms::new("ㅈㅈ").narrowed_by(&Terms::new("ㅈㅈ 훈련")));
        assert!(
            !Terms::new("ㅎㅈㅇ").narrowed_by(&Terms::new("ㅎㅈ")),
            "deleting widens"
        );
        assert!(
            !Terms::new("ㅎㅈ").narrowed_by(&Terms::new("행정")),
            "syllables are not their initials everywhere (the body)"
        );
    }

    #[test]
    fn initial_consonants_highlight_the_syllables_they_match() {
        let runs = Terms::new("ㅎㅈㅇㅈㅂ").highlight("2024 행정안전부 공지");
        assert_eq!(
            runs,
            vec![
                ("2024 ".to_string(), false),
                ("행정안전부".to_string(), true),
                (" 공지".to_string(), false),
            ]
        );
        let runs = Terms::new("ㅈㅈㄷㅍ").highlight("지진 대피 훈련");
        assert_eq!(
            runs,
            vec![
                ("지진".to_string(), true),
                (" ".to_string(), false),
                ("대피".to_string(), true),
                (" 훈련".to_string(), false),
            ]
        );
        let runs = Terms::new("ㅈㅈ 훈련").highlight("지진 대피 훈련");
        assert_eq!(
            runs,
            vec![
                ("지진".to_string(), true),
                (" 대피 ".to_string(), false),
                ("훈련".to_string(), true),
            ]
        );
        assert_eq!(
            Terms::new("ㅋ").highlight("Drill"),
            vec![("Drill".to_string(), false)]
        );
    }
}
