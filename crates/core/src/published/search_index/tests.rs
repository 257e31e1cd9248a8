use super::*;

#[test]
fn lists_are_written_as_differences_and_read_back() {
    assert_eq!(encode(&[3, 4, 10]), "3 1 6");
    assert_eq!(decode("3 1 6"), Some(vec![3, 4, 10]));
    assert_eq!(decode(""), Some(vec![]));
    assert_eq!(decode("0 0"), None, "a notice twice");
    for wrong in ["1 -1", "x", "1.5", "99999999999999999999999"] {
        assert_eq!(decode(wrong), None, "{wrong}");
    }
}

#[test]
fn both_gives_the_numbers_two_ascending_lists_share() {
    let shared: Vec<usize> = both(&[1, 3, 5, 7, 9], &[0, 3, 4, 9, 10]).collect();
    assert_eq!(shared, [3, 9]);
    assert_eq!(both(&[], &[1]).count(), 0);
    assert_eq!(both(&[2], &[]).count(), 0);
}

#[test]
fn a_part_is_cut_into_at_most_its_most_files_whatever_its_size() {
    for (entries, list) in [(10, 3), (100_000, 40), (1_000, 20_000)] {
        let entries: Vec<(String, String)> = (0..entries)
            .map(|n| (format!("{n:08}"), "7 ".repeat(list)))
            .collect();
        let mut files = Vec::new();
        let (listed, _) = cut(Part::Trigrams, entries, 100_000, &mut files);
        assert_eq!(listed.as_array().unwrap().len(), files.len());
        assert!(
            files.len() <= Part::Trigrams.most_files(),
            "{}",
            files.len()
        );
    }
}

#[test]
fn files_are_cut_by_their_size_on_the_wire_not_as_written() {
    // Ten lists of every notice: long as written, next to nothing with brotli. Then many
    // lists of a few notices far apart, which cost what they are.
    let every = encode(&(0..100_000).collect::<Vec<_>>());
    let few = encode(&(0..20).map(|n| n * 4_999).collect::<Vec<_>>());
    let entries: Vec<(String, String)> = (0..10)
        .map(|n| (format!("a{n}"), every.clone()))
        .chain((0..20_000).map(|n| (format!("b{n:05}"), few.clone())))
        .collect();
    let mut files = Vec::new();
    let (listed, _) = cut(Part::Pieces, entries, 100_000, &mut files);
    let firsts: Vec<&str> = (listed.as_array().unwrap().iter())
        .map(|file| file[0].as_str().unwrap())
        .collect();
    assert_eq!(
        firsts[0], "a",
        "listed by the shortest start of `a0` after nothing"
    );
    assert!(firsts[1].starts_with('b'), "the long lists share a file");
    // The others (the last, a remainder, left out) hold about as many short lists each.
    let sizes: Vec<usize> = files[1..files.len() - 1]
        .iter()
        .map(|file| file.text.len())
        .collect();
    let (least, most) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
    assert!(
        files.len() > 100 && most - least < 2 * few.len(),
        "{} files, the short lists' of {least}–{most} bytes",
        files.len()
    );
}

#[test]
fn a_list_is_reckoned_by_how_many_of_how_many_numbers_it_holds() {
    let all = encode(&(0..1_000).collect::<Vec<_>>());
    assert_eq!(compressed_size(&all, 1_000), 0.0);
    let half = encode(&(0..500).map(|n| 2 * n).collect::<Vec<_>>());
    assert_eq!(compressed_size(&half, 1_000), 125.0, "a bit a notice");
    let one = compressed_size("17", 1_000);
    assert!((1.0..2.0).contains(&one), "about ten bits: {one}");
}

#[test]
fn a_directory_names_the_first_word_of_each_file_of_words() {
    let directory = |words: &str, numbers: &str| {
        let text =
            format!(r#"{{"pieces":[],"trigrams":[],"words":{words},"wordNumbers":{numbers}}}"#);
        Directory::from_bytes(text.as_bytes())
    };
    let two = r#"[["apple","s-1"],["melon","s-2"]]"#;
    let read = directory(two, "[0,40]").unwrap();
    assert_eq!(read.file_for(Part::Words, "banana"), Some(0));
    assert_eq!(read.file_for(Part::Words, "melons"), Some(1));
    assert_eq!(read.file_for_word(39), Some(0));
    assert_eq!(read.file_for_word(40), Some(1));
    for (words, numbers) in [
        (two, "[0]"),
        (two, "[5,40]"),
        (two, "[40,0]"),
        (r#"[["b","s-1"],["a","s-2"]]"#, "[0,1]"),
    ] {
        assert_eq!(directory(words, numbers), None, "{words} {numbers}");
    }
    let without_numbers = r#"{"pieces":[],"trigrams":[],"words":[]}"#;
    assert_eq!(Directory::from_bytes(without_numbers.as_bytes()), None);
}

#[test]
fn a_long_word_asks_for_the_files_of_the_words_it_begins_with_its_trigrams() {
    // `budget` is not a word of the index; the words it begins start the next file.
    let text = r#"{"pieces":[],"trigrams":[["bud","s-t"]],"words":[["apple","s-1"],["budgetary","s-2"],["cat","s-3"]],"wordNumbers":[0,2,4]}"#;
    let directory = Directory::from_bytes(text.as_bytes()).unwrap();
    let asked = |word: &str| word_places(word, &directory, |_, _| None).unwrap_err();
    let trigrams = (Part::Trigrams, 0);
    assert_eq!(
        asked("budget"),
        [trigrams, (Part::Words, 0), (Part::Words, 1)]
    );
    assert_eq!(asked("budgetary"), [trigrams, (Part::Words, 1)]);
    assert_eq!(asked("bud"), [trigrams, (Part::Words, 0), (Part::Words, 1)]);
}

#[test]
fn a_file_of_words_holds_every_word_up_to_the_next_file() {
    let text = r#"{"pieces":[],"trigrams":[],"words":[["apple","s-1"],["cat","s-2"]],"wordNumbers":[0,2]}"#;
    let directory = Directory::from_bytes(text.as_bytes()).unwrap();
    let read = |file: &str| IndexFile::from_bytes(file.as_bytes(), &directory, Part::Words, 0, 9);
    assert!(read(r#"["apple","0","banana","1"]"#).is_some());
    assert!(read(r#"["apple","0"]"#).is_none(), "a word short");
    assert!(
        read(r#"["apple","0","banana","1","bean","2"]"#).is_none(),
        "a word more"
    );
}

#[test]
fn a_file_is_listed_by_the_shortest_start_of_its_first_key_after_the_key_before() {
    assert_eq!(separator("budge", "budgetary"), "budget");
    assert_eq!(separator("apple", "banana"), "b");
    assert_eq!(separator("", "행정"), "행");
    assert_eq!(separator("행정", "행정안전부"), "행정안");
    // Whole characters: never a cut inside one.
    assert_eq!(separator("ab", "abé"), "abé");
}
