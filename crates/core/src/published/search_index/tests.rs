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
        let listed = cut(Part::Trigrams, entries, &mut files);
        assert_eq!(listed.as_array().unwrap().len(), files.len());
        assert!(
            files.len() <= Part::Trigrams.most_files(),
            "{}",
            files.len()
        );
    }
}
