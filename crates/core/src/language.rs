//! The language of each part of a text (WCAG 3.1.2, technique H58): which stretches of a
//! title, a file name or a label are written in another language than the element around
//! them, so that a screen reader reads each part with the right voice.
//!
//! Korean and English are told apart by their scripts; the rule, chosen to mark the
//! smallest stretch that changes language and nothing that would read worse marked:
//!
//! - Inside **non-Korean** text (an English board), every run of **Hangul** is Korean,
//!   however short: Hangul is never English. The run reaches from its first to its last
//!   Hangul letter, over the spaces, digits and signs between them, and takes in the signs
//!   and digits written against its ends (`2026년`, `(한파쉼터)`), which belong to its words.
//! - Inside **Korean** text (a Korean board), a run of **Latin letters** is English only
//!   when it has at least two words (`Notice on the renewal…`): a single Latin word in
//!   Korean text is an acronym or a loanword (`AI`, `OECD`, `PDF`), which Korean voices read.
//! - A text with letters of the other script only (a Korean title on an English board) is
//!   wholly in that language, digits and signs included.
//! - A text in a language not told by its script (`fr`) takes that language whole when it
//!   differs from the surrounding one.
//!
//! Everything here is one pass over the text (linear time).

use std::ops::Range;

/// A stretch of a text (byte range) and its language; `None`: the surrounding language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub range: Range<usize>,
    pub lang: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Hangul,
    Latin,
    Neutral,
}

fn script(c: char) -> Script {
    match c {
        '\u{AC00}'..='\u{D7A3}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{D7B0}'..='\u{D7FF}' => Script::Hangul,
        'a'..='z' | 'A'..='Z' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{C0}'..='\u{24F}' if c != '\u{D7}' && c != '\u{F7}' => Script::Latin,
        _ => Script::Neutral,
    }
}

/// True for `ko` and its regional forms (`ko-KR`).
pub fn is_korean(tag: &str) -> bool {
    primary(tag).eq_ignore_ascii_case("ko")
}

fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or_default()
}

/// The runs of `text`, written in a notice whose language is `own`, shown inside an element
/// whose language is `surrounding`. The runs cover the whole text, in order; runs without
/// a language continue the surrounding one.
pub fn language_runs(text: &str, own: &str, surrounding: &str) -> Vec<Run> {
    let whole = |lang: Option<String>| {
        vec![Run {
            range: 0..text.len(),
            lang,
        }]
    };
    if text.is_empty() {
        return Vec::new();
    }
    let own_by_script = matches!(primary(own).to_ascii_lowercase().as_str(), "ko" | "en");
    if !own_by_script {
        return whole((own != surrounding).then(|| own.to_string()));
    }
    let korean_around = is_korean(surrounding);
    let (mut hangul, mut latin) = (false, false);
    for c in text.chars() {
        match script(c) {
            Script::Hangul => hangul = true,
            Script::Latin => latin = true,
            Script::Neutral => {}
        }
    }
    match (korean_around, hangul, latin) {
        (false, true, false) => return whole(Some("ko".into())),
        (true, false, true) => return whole(Some("en".into())),
        // No letters at all: the notice's own language (for its digits and signs).
        (_, false, false) => return whole((own != surrounding).then(|| own.to_string())),
        // Letters of the surrounding language's script only.
        (false, false, true) | (true, true, false) => return whole(None),
        _ => {}
    }
    let (target, other, lang, min_words) = if korean_around {
        (Script::Latin, Script::Hangul, "en", 2)
    } else {
        (Script::Hangul, Script::Latin, "ko", 1)
    };
    let mut marked: Vec<Range<usize>> = Vec::new();
    let mut segment = Segment::default();
    for (at, c) in text.char_indices() {
        let kind = script(c);
        if kind == other {
            segment.close(text, at, min_words, &mut marked);
            segment = Segment {
                start: at + c.len_utf8(),
                ..Segment::default()
            };
        } else if c.is_whitespace() {
            segment.in_word = false;
        } else if kind == target {
            if segment.first.is_none() {
                segment.first = Some(at);
            }
            segment.last_end = at + c.len_utf8();
            if !segment.in_word {
                segment.words += 1;
                segment.in_word = true;
            }
        }
    }
    segment.close(text, text.len(), min_words, &mut marked);
    let mut runs = Vec::with_capacity(marked.len() * 2 + 1);
    let mut at = 0;
    for range in marked {
        if range.start > at {
            runs.push(Run {
                range: at..range.start,
                lang: None,
            });
        }
        at = range.end;
        runs.push(Run {
            range,
            lang: Some(lang.to_string()),
        });
    }
    if at < text.len() {
        runs.push(Run {
            range: at..text.len(),
            lang: None,
        });
    }
    runs
}

/// The stretch between two letters of the surrounding language's script.
#[derive(Default)]
struct Segment {
    start: usize,
    /// Where its first letter of the other script is, and where its last one ends.
    first: Option<usize>,
    last_end: usize,
    /// Words (between spaces) with a letter of the other script, and whether one is open.
    words: usize,
    in_word: bool,
}

impl Segment {
    /// Marks the segment's run, if it has one, taking in the signs and digits written
    /// against its ends (never beyond the segment, so every character is looked at a
    /// bounded number of times).
    fn close(&self, text: &str, end: usize, min_words: usize, marked: &mut Vec<Range<usize>>) {
        let Some(first) = self.first else { return };
        if self.words < min_words {
            return;
        }
        let before = &text[self.start..first];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| !c.is_whitespace())
            .last()
            .map_or(first, |(at, _)| self.start + at);
        let after = &text[self.last_end..end];
        let stop = after
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(after.len(), |(at, _)| at);
        marked.push(start..self.last_end + stop);
    }
}

/// [`language_runs`] for a file name: its extension (`.pdf`) belongs to the name's last
/// run, so that `지진 국민행동요령.pdf` is Korean whole.
pub fn file_name_runs(name: &str, own: &str, surrounding: &str) -> Vec<Run> {
    let stem_end = name
        .rfind('.')
        .filter(|&dot| {
            let extension = &name[dot + 1..];
            dot > 0
                && (1..=5).contains(&extension.len())
                && extension.bytes().all(|b| b.is_ascii_alphanumeric())
        })
        .unwrap_or(name.len());
    let mut runs = language_runs(&name[..stem_end], own, surrounding);
    if stem_end < name.len() {
        match runs.last_mut() {
            Some(last) if last.range.end == stem_end => last.range.end = name.len(),
            _ => runs.push(Run {
                range: stem_end..name.len(),
                lang: None,
            }),
        }
    }
    runs
}

/// A piece of highlighted text: the piece, and whether it matches the search.
pub type Piece = (String, bool);

/// Splits highlighted pieces of a text (which together are the text) at the boundaries of
/// its language runs: for each run, its language and its pieces.
pub fn split_pieces(runs: &[Run], pieces: &[Piece]) -> Vec<(Option<String>, Vec<Piece>)> {
    let mut out: Vec<(Option<String>, Vec<Piece>)> = runs
        .iter()
        .map(|run| (run.lang.clone(), Vec::new()))
        .collect();
    let mut run = 0;
    let mut at = 0;
    for (piece, is_match) in pieces {
        let mut rest = piece.as_str();
        while !rest.is_empty() {
            while run + 1 < runs.len() && at >= runs[run].range.end {
                run += 1;
            }
            let Some(group) = out.get_mut(run) else {
                return out;
            };
            let take = runs[run].range.end.saturating_sub(at).min(rest.len());
            // Pieces longer than the runs (they should not be) stay in the last run.
            let take = if take == 0 || run + 1 == runs.len() {
                rest.len()
            } else {
                take
            };
            let take = (take..=rest.len())
                .find(|&end| rest.is_char_boundary(end))
                .unwrap_or(rest.len());
            group.1.push((rest[..take].to_string(), *is_match));
            rest = &rest[take..];
            at += take;
        }
    }
    out
}

// Whole texts and tags: the language a text switches to, and language tags.

/// The shape of a BCP 47 tag (`en`, `ko-KR`, `zh-Hant-TW`), without checking registries.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The language a piece of text is written in when that differs from `context_lang`:
/// mostly Hangul → `ko`; mostly Latin inside a Korean context → `en`; otherwise `None`.
/// Screen readers need `lang` to pronounce a Korean passage inside an English notice.
pub fn language_switch(text: &str, context_lang: &str) -> Option<&'static str> {
    let (mut hangul, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if is_hangul(c) {
            hangul += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    let context_is_korean = is_korean(context_lang);
    if !context_is_korean && hangul > latin {
        Some("ko")
    } else if context_is_korean && latin > hangul * 2 {
        Some("en")
    } else {
        None
    }
}

/// The `lang` attribute for a piece of `text` written in a notice whose language is
/// `own_lang`, placed inside an element whose language is `surrounding_lang`; `None` when
/// the surrounding language is already right.
pub fn lang_attribute(text: &str, own_lang: &str, surrounding_lang: &str) -> Option<String> {
    language_switch(text, own_lang)
        .map(str::to_string)
        .or_else(|| (own_lang != surrounding_lang).then(|| own_lang.to_string()))
}

fn is_hangul(c: char) -> bool {
    matches!(script(c), Script::Hangul)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs as `(text, lang)`, to read the tests at a glance.
    fn parts<'a>(text: &'a str, runs: &[Run]) -> Vec<(&'a str, Option<String>)> {
        runs.iter()
            .map(|run| (&text[run.range.clone()], run.lang.clone()))
            .collect()
    }

    fn ko(text: &str) -> (&str, Option<String>) {
        (text, Some("ko".into()))
    }
    fn en(text: &str) -> (&str, Option<String>) {
        (text, Some("en".into()))
    }
    fn same(text: &str) -> (&str, Option<String>) {
        (text, None)
    }

    const MIXED: &str =
        "행정안전부 영문 누리집 개편 안내 (Notice on the renewal of the English website)";

    #[test]
    fn on_an_english_board_only_the_korean_half_of_a_mixed_title_is_korean() {
        let runs = language_runs(MIXED, "ko", "en");
        assert_eq!(
            parts(MIXED, &runs),
            vec![
                ko("행정안전부 영문 누리집 개편 안내"),
                same(" (Notice on the renewal of the English website)")
            ]
        );
    }

    #[test]
    fn on_a_korean_board_only_the_english_half_of_a_mixed_title_is_english() {
        let runs = language_runs(MIXED, "ko", "ko");
        assert_eq!(
            parts(MIXED, &runs),
            vec![
                same("행정안전부 영문 누리집 개편 안내 "),
                en("(Notice on the renewal of the English website)")
            ]
        );
    }

    #[test]
    fn korean_words_inside_english_text_are_korean_with_their_brackets() {
        let text = "Heating shelters (한파쉼터) are open from 09:00";
        assert_eq!(
            parts(text, &language_runs(text, "en", "en")),
            vec![
                same("Heating shelters "),
                ko("(한파쉼터)"),
                same(" are open from 09:00")
            ]
        );
    }

    #[test]
    fn digits_written_against_korean_words_are_read_in_korean() {
        let text = "Exam: 2026년 7급 공채, see gosi.kr";
        assert_eq!(
            parts(text, &language_runs(text, "en", "en")),
            vec![same("Exam: "), ko("2026년 7급 공채,"), same(" see gosi.kr")]
        );
    }

    #[test]
    fn a_text_in_one_script_is_wholly_in_its_language() {
        let text = "2026년 국가공무원 7급 공채 필기시험 장소 공고";
        assert_eq!(
            parts(text, &language_runs(text, "ko", "en")),
            vec![ko(text)]
        );
        assert_eq!(
            parts(text, &language_runs(text, "ko", "ko")),
            vec![same(text)]
        );
        let english = "Take Part in the Earthquake Drill on May. 16th";
        assert_eq!(
            parts(english, &language_runs(english, "en", "ko")),
            vec![en(english)]
        );
        assert_eq!(
            parts(english, &language_runs(english, "en", "en")),
            vec![same(english)]
        );
    }

    #[test]
    fn single_latin_words_in_korean_text_stay_korean() {
        for text in [
            "AI 기반 정부24 맞춤형 서비스",
            "OECD 디지털정부 평가 1위",
            "PDF 파일 제공",
        ] {
            assert_eq!(
                parts(text, &language_runs(text, "ko", "ko")),
                vec![same(text)],
                "{text}"
            );
        }
        let text = "2026 Digital Government Meeting 참가 신청";
        assert_eq!(
            parts(text, &language_runs(text, "ko", "ko")),
            vec![
                same("2026 "),
                en("Digital Government Meeting"),
                same(" 참가 신청")
            ]
        );
    }

    #[test]
    fn text_without_letters_takes_the_notices_language() {
        assert_eq!(
            parts("2026.7.18", &language_runs("2026.7.18", "ko", "en")),
            vec![ko("2026.7.18")]
        );
        assert_eq!(language_runs("", "ko", "en"), vec![]);
    }

    #[test]
    fn languages_not_told_by_script_mark_the_whole_text() {
        let text = "Exercice de défense civile";
        assert_eq!(
            parts(text, &language_runs(text, "fr", "en")),
            vec![(text, Some("fr".into()))]
        );
        assert_eq!(
            parts(text, &language_runs(text, "fr", "fr")),
            vec![same(text)]
        );
    }

    #[test]
    fn a_korean_file_name_is_korean_with_its_extension() {
        let name = "지진 국민행동요령.pdf";
        assert_eq!(
            parts(name, &file_name_runs(name, "en", "en")),
            vec![ko(name)]
        );
        let name = "Earthquake action guide (English).pdf";
        assert_eq!(
            parts(name, &file_name_runs(name, "en", "en")),
            vec![same(name)]
        );
        let name = "Drill guide 지진.pdf";
        assert_eq!(
            parts(name, &file_name_runs(name, "en", "en")),
            vec![same("Drill guide "), ko("지진.pdf")]
        );
        let name = "지진 guide.pdf";
        assert_eq!(
            parts(name, &file_name_runs(name, "en", "en")),
            vec![ko("지진"), same(" guide.pdf")]
        );
    }

    #[test]
    fn highlighted_pieces_are_split_at_language_boundaries() {
        let runs = language_runs(MIXED, "ko", "en");
        let pieces = vec![
            ("행정안전부 영문 누리집 개편 ".to_string(), false),
            ("안내 (Notice".to_string(), true),
            (" on the renewal of the English website)".to_string(), false),
        ];
        assert_eq!(
            split_pieces(&runs, &pieces),
            vec![
                (
                    Some("ko".to_string()),
                    vec![
                        ("행정안전부 영문 누리집 개편 ".to_string(), false),
                        ("안내".to_string(), true)
                    ]
                ),
                (
                    None,
                    vec![
                        (" (Notice".to_string(), true),
                        (" on the renewal of the English website)".to_string(), false)
                    ]
                ),
            ]
        );
    }

    #[test]
    fn runs_cover_every_byte_in_order() {
        for text in [
            MIXED,
            "a 가 b 나 c",
            "가a나b다",
            " ( 가 ) ",
            "Ab 가 Cd Ef 나",
        ] {
            for board in ["en", "ko"] {
                let runs = language_runs(text, "ko", board);
                let mut at = 0;
                for run in &runs {
                    assert_eq!(run.range.start, at, "{text} on {board}: {runs:?}");
                    assert!(run.range.end > run.range.start);
                    at = run.range.end;
                }
                assert_eq!(at, text.len(), "{text} on {board}");
            }
        }
    }

    #[test]
    fn korean_passages_are_marked_in_english_notices_and_back() {
        assert_eq!(
            language_switch("지진 대피 훈련에 참여하세요", "en"),
            Some("ko")
        );
        assert_eq!(
            language_switch("□ 훈련 일시: 5월 16일 (Wed) 14:00", "en"),
            Some("ko")
        );
        assert_eq!(language_switch("Take part in the drill", "en"), None);
        assert_eq!(
            language_switch("Take part in the drill", "ko-KR"),
            Some("en")
        );
        assert_eq!(language_switch("훈련 일시", "ko"), None);
        assert_eq!(language_switch("2024-05-16", "en"), None);
    }

    #[test]
    fn lang_attribute_is_only_set_where_the_language_changes() {
        assert_eq!(lang_attribute("Earthquake drill", "en", "en"), None);
        assert_eq!(
            lang_attribute("지진 대피 훈련", "en", "en").as_deref(),
            Some("ko")
        );
        assert_eq!(
            lang_attribute("지진 대피 훈련", "ko", "en").as_deref(),
            Some("ko")
        );
        assert_eq!(
            lang_attribute("Civil defense", "fr", "en").as_deref(),
            Some("fr")
        );
    }
}
