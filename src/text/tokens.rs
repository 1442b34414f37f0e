//! Tokens: words, numbers, abbreviations and punctuation with byte spans.
//!
//! The shapes follow what a news tagger was trained on (CoNLL/Penn style):
//! hyphenated names and numbers stay whole (`Francois-Philippe`, `2020-10-16`,
//! `3-1`, `1,000`, `3.5`, `10:30`), clitics split off (`Champagne` `'s`, `do` `n't`),
//! known abbreviations and initials keep their period (`U.S.`, `Aug.`, `J.`),
//! currency symbols and `%` stand alone, `...` is one token, URLs are one token.

use super::Span;

/// What a token is, as far as the text layer can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens or inner apostrophes.
    Word,
    /// Starts with a digit (`1994`, `3.5`, `27c`, `2020-10-16`).
    Number,
    /// A word that keeps its final period (`U.S.`, `Mr.`, `Aug.`, `J.`).
    Abbreviation,
    /// A clitic split off a word (`'s`, `n't`, `'re`).
    Clitic,
    /// Punctuation (`.`, `,`, `“`, `...`, `--`).
    Punct,
    /// Anything else: currency signs, `%`, emoji, URLs' neighbours.
    Symbol,
    /// A URL, e-mail address, @mention or #hashtag.
    Link,
}

/// A token: its byte span and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// Abbreviations that keep their period (matched case-sensitively, without the period).
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Ave", "Blvd", "Brig", "Capt", "Cmdr", "Co", "Col", "Corp", "Cpl", "Dec",
    "Dept", "Dr", "Feb", "Fig", "Fla", "Fri", "Ft", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul",
    "Jun", "Lt", "Ltd", "Maj", "Mar", "Messrs", "Mon", "Mr", "Mrs", "Ms", "Mt", "No", "Nos", "Nov",
    "Oct", "Ph", "Pres", "Prof", "Rd", "Rep", "Reps", "Rev", "Sat", "Sen", "Sens", "Sep", "Sept",
    "Sgt", "Sr", "St", "Sun", "Supt", "Thu", "Thurs", "Tue", "Tues", "Wed", "approx", "est", "etc",
    "ft", "vs",
];

/// Whether `word` (without its period) is a known abbreviation.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.binary_search(&word).is_ok()
}

/// Combining marks, joiners and variation selectors continue the word before them.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{200D}' | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text[span]` into tokens, appending them to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let mut pos = span.start;
    while pos < span.end {
        let rest = &text[pos..span.end];
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let (len, kind) = next_token(rest, c);
        push_word(text, Span::new(pos, pos + len), kind, out);
        pos += len;
    }
}

/// Pushes a token, splitting a trailing clitic off words (`'s`, `n't`, ...).
fn push_word(text: &str, span: Span, kind: TokenKind, out: &mut Vec<Token>) {
    if kind == TokenKind::Word {
        if let Some(cut) = clitic_start(span.of(text)) {
            if cut > 0 {
                out.push(Token {
                    span: Span::new(span.start, span.start + cut),
                    kind,
                });
                out.push(Token {
                    span: Span::new(span.start + cut, span.end),
                    kind: TokenKind::Clitic,
                });
                return;
            }
        }
    }
    out.push(Token { span, kind });
}

/// Where a trailing clitic starts in `word`, if it has one.
fn clitic_start(word: &str) -> Option<usize> {
    // every clitic has an apostrophe, and lower-casing never makes one
    if !word.contains(['\'', '’']) {
        return None;
    }
    let tail_start = |n: usize| word.char_indices().rev().nth(n - 1).map(|(i, _)| i);
    for n in [3, 2] {
        let Some(start) = tail_start(n) else { continue };
        let tail = word[start..].to_lowercase().replace('’', "'");
        let clitic = matches!(tail.as_str(), "'s" | "'re" | "'ve" | "'ll" | "'d" | "'m")
            || (tail == "n't" && start > 0);
        if clitic {
            return Some(start);
        }
    }
    None
}

/// Length and kind of the token at the start of `rest`, whose first char is `c`.
fn next_token(rest: &str, c: char) -> (usize, TokenKind) {
    if let Some(len) = link_len(rest) {
        return (len, TokenKind::Link);
    }
    if is_word_char(c) {
        let len = word_len(rest);
        let word = &rest[..len];
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        if kind == TokenKind::Word && rest[len..].starts_with('.') && keeps_period(word) {
            return (len + 1, TokenKind::Abbreviation);
        }
        return (len, kind);
    }
    match c {
        '.' => {
            let dots = rest.bytes().take_while(|&b| b == b'.').count();
            (dots, TokenKind::Punct)
        }
        '-' if rest.starts_with("--") => {
            let n = rest.bytes().take_while(|&b| b == b'-').count();
            (n, TokenKind::Punct)
        }
        _ if is_punct(c) => (c.len_utf8(), TokenKind::Punct),
        _ => {
            // Symbols: keep a char with its combining marks and joiners (emoji sequences).
            let mut len = c.len_utf8();
            let mut chars = rest[len..].chars().peekable();
            while let Some(&n) = chars.peek() {
                if is_mark(n) || n == '\u{200D}' {
                    len += n.len_utf8();
                    chars.next();
                    // the char after a ZWJ belongs to the same sequence
                    if n == '\u{200D}' {
                        if let Some(m) = chars.next() {
                            len += m.len_utf8();
                        }
                    }
                } else {
                    break;
                }
            }
            (len, TokenKind::Symbol)
        }
    }
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '–'
            | '—'
            | '…'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '/'
            | '\\'
            | '*'
            | '¡'
            | '¿'
            | '·'
            | '•'
    )
}

/// Whether a word followed by `.` keeps the period: known abbreviations,
/// single-letter initials and dotted forms such as `U.S`, `p.m`, `e.g`.
fn keeps_period(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    let single = first.is_some() && chars.next().is_none();
    (single && first.is_some_and(|c| c.is_uppercase()))
        || is_abbreviation(word)
        || (word.contains('.') && !word.chars().any(|c| c.is_ascii_digit()))
}

/// Length of a word or number run at the start of `rest`.
///
/// Joins `-` between word chars, `.` between letters (`U.S`) or digits (`3.5`),
/// `,` before three digits (`1,000`), `:` and `/` between digits, `&` between
/// capitals (`AT&T`), and apostrophes between letters (`O'Brien`, `don't`).
fn word_len(rest: &str) -> usize {
    let mut iter = rest.char_indices().peekable();
    let mut end = 0;
    let mut prev = '\0';
    // `short_dotted` of the word so far, kept up to date char by char so that
    // long dotted runs (`a.b.c.d...`) stay linear
    let mut dotted = Dotted::new();
    while let Some((i, c)) = iter.next() {
        if is_word_char(c) {
            end = i + c.len_utf8();
            prev = c;
            dotted.push(c);
            continue;
        }
        let next = iter.peek().map(|&(_, n)| n);
        let joins = match (c, next) {
            (_, None) => false,
            ('-' | '‐', Some(n)) => is_word_char(n) && is_word_char(prev),
            ('.', Some(n)) => {
                (prev.is_ascii_digit() && n.is_ascii_digit())
                    || (prev.is_alphabetic() && n.is_alphabetic() && dotted.short())
            }
            (',', Some(_)) => {
                prev.is_ascii_digit()
                    && rest[i + 1..].bytes().take_while(u8::is_ascii_digit).count() == 3
                    && first_is_digit(rest)
            }
            (':' | '/', Some(n)) => prev.is_ascii_digit() && n.is_ascii_digit(),
            ('&', Some(n)) => prev.is_uppercase() && n.is_uppercase(),
            (a, Some(n)) if is_apostrophe(a) => prev.is_alphabetic() && n.is_alphabetic(),
            _ => false,
        };
        if !joins {
            break;
        }
        prev = c;
        dotted.push(c);
    }
    end.max(rest.chars().next().map_or(0, char::len_utf8))
}

/// Whether the word so far looks like a dotted abbreviation (`U`, `U.S`, `p`,
/// `e.g`): every dot-separated piece is one or two letters.
struct Dotted {
    /// Every piece before the last dot passed.
    earlier_ok: bool,
    /// Chars in the piece after the last dot.
    chars: usize,
    /// Whether they are all letters.
    letters: bool,
}

impl Dotted {
    fn new() -> Dotted {
        Dotted {
            earlier_ok: true,
            chars: 0,
            letters: true,
        }
    }

    fn push(&mut self, c: char) {
        if c == '.' {
            self.earlier_ok = self.short();
            self.chars = 0;
            self.letters = true;
        } else {
            self.chars += 1;
            self.letters &= c.is_alphabetic();
        }
    }

    fn short(&self) -> bool {
        self.earlier_ok && (1..=2).contains(&self.chars) && self.letters
    }
}

/// Length of a URL, @mention or #hashtag at the start of `rest`.
fn link_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let starts = |p: &str| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts("http://") || starts("https://") || starts("www.") {
        let chunk = rest.split(char::is_whitespace).next().unwrap_or("");
        let trimmed = chunk.trim_end_matches(|c: char| ".,;:!?)]}\"'”’»".contains(c));
        return Some(trimmed.len());
    }
    if (b[0] == b'@' || b[0] == b'#')
        && b.len() > 1
        && (b[1].is_ascii_alphanumeric() || b[1] == b'_')
    {
        let n = b[1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count();
        return Some(1 + n);
    }
    None
}

fn first_is_digit(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn news_shapes() {
        assert_eq!(
            toks("Francois-Philippe Champagne's “will”, U.S. p.m. 1,000.5 3.5% $400 2020-10-16"),
            [
                "Francois-Philippe",
                "Champagne",
                "'s",
                "“",
                "will",
                "”",
                ",",
                "U.S.",
                "p.m.",
                "1,000.5",
                "3.5",
                "%",
                "$",
                "400",
                "2020-10-16"
            ]
        );
        assert_eq!(
            toks("don’t can't O'Brien"),
            ["do", "n’t", "ca", "n't", "O'Brien"]
        );
        assert_eq!(
            toks("Mr. J. Smith, No. 10, Aug. 9."),
            ["Mr.", "J.", "Smith", ",", "No.", "10", ",", "Aug.", "9", "."]
        );
        assert_eq!(toks("wait... what…"), ["wait", "...", "what", "…"]);
        assert_eq!(
            toks("3-1 27c £2.5bn AT&T 10:30"),
            ["3-1", "27c", "£", "2.5bn", "AT&T", "10:30"]
        );
        assert_eq!(
            toks("see https://x.org/a?b=1. Then"),
            ["see", "https://x.org/a?b=1", ".", "Then"]
        );
        assert_eq!(toks("the end.The"), ["the", "end", ".", "The"]);
    }

    #[test]
    fn dotted_matches_its_definition() {
        // every dot-separated piece of the prefix is one or two letters
        let slow = |s: &str| {
            s.split('.').all(|piece| {
                (1..=2).contains(&piece.chars().count()) && piece.chars().all(char::is_alphabetic)
            })
        };
        let alphabet = ['a', 'B', '1', '.', '-', 'é', '\'', '\u{301}'];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2000 {
            let mut d = Dotted::new();
            let mut word = String::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let c = alphabet[(seed % alphabet.len() as u64) as usize];
                word.push(c);
                d.push(c);
                assert_eq!(d.short(), slow(&word), "{word:?}");
            }
        }
    }

    #[test]
    fn long_dotted_runs_are_linear() {
        // "a.a.a.a..." used to rescan the word at every dot: 20 KB took a second
        let text = "a.".repeat(200_000);
        assert_eq!(toks(&text).len(), 1);
    }

    #[test]
    fn abbreviations_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn unicode() {
        assert_eq!(
            toks("Café 東京 👩‍👩‍👧 مرحبا €5"),
            ["Café", "東京", "👩‍👩‍👧", "مرحبا", "€", "5"]
        );
        assert_eq!(toks("Cafe\u{301}s"), ["Cafe\u{301}s"]);
    }
}
