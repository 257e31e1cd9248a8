//! Lines and columns in a text, for messages that point an editor at a place in the data
//! file.

/// The line and column (from 1; columns in characters) of byte `offset` of a text.
pub fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    lines_and_columns(bytes, &[offset])[0]
}

/// [`line_and_column`] of each of `offsets` (in increasing order), in one sweep of the text.
pub fn lines_and_columns(bytes: &[u8], offsets: &[usize]) -> Vec<(usize, usize)> {
    let (mut line, mut column, mut at) = (1, 1, 0);
    offsets
        .iter()
        .map(|&offset| {
            let offset = offset.min(bytes.len());
            for &byte in &bytes[at.min(offset)..offset] {
                if byte == b'\n' {
                    (line, column) = (line + 1, 1);
                } else if byte & 0xC0 != 0x80 {
                    // Not a UTF-8 continuation byte: a character starts here.
                    column += 1;
                }
            }
            at = at.max(offset);
            (line, column)
        })
        .collect()
}
