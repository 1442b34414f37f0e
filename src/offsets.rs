//! The one place where byte offsets become UTF-16 code-unit offsets.
//!
//! JavaScript's `String.prototype.slice`, `Range` and `Text.splitText` count
//! UTF-16 code units; the core counts bytes of UTF-8. Both the wasm layer and
//! the CLI convert a finished [`Analysis`](crate::Analysis) with
//! [`Analysis::into_utf16`](crate::Analysis::into_utf16), which calls this.

/// Converts byte offsets of one text to UTF-16 offsets, walking forward.
///
/// Queries in increasing order cost O(text) in total; a query behind the
/// previous one restarts from the beginning.
pub(crate) struct Utf16Cursor<'t> {
    text: &'t str,
    ascii: bool,
    byte: usize,
    unit: usize,
}

impl<'t> Utf16Cursor<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Utf16Cursor {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte`, which must be a char boundary.
    pub(crate) fn convert(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += self.text[self.byte..byte]
            .chars()
            .map(char::len_utf16)
            .sum::<usize>();
        self.byte = byte;
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_units() {
        let text = "a€b😀c東";
        let mut c = Utf16Cursor::new(text);
        assert_eq!(c.convert(0), 0);
        assert_eq!(c.convert(1), 1); // after a
        assert_eq!(c.convert(4), 2); // after €
        assert_eq!(c.convert(5), 3); // after b
        assert_eq!(c.convert(9), 5); // after 😀 (a surrogate pair)
        assert_eq!(c.convert(1), 1); // backwards restarts
        assert_eq!(c.convert(text.len()), 7);
    }
}
