//! Lines that never belong in a summary (bylines, credits, calls to action) and
//! lines that rarely do (list items, headings without a full stop).

/// Bylines, credits and calls to action: never chosen.
pub(crate) fn is_credit(sentence: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "with files from",
        "with a file from",
        "reporting by",
        "editing by",
        "writing by",
        "compiled by",
        "additional reporting",
        "(reporting by",
        "copyright",
        "all rights reserved",
        "click here",
        "sign up",
        "follow us",
        "read more",
        "related:",
        "photo:",
        "image:",
        "source:",
    ];
    PREFIXES.iter().any(|p| {
        sentence
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    }) || is_byline(sentence)
}

/// "By Jane Doe", "By JANE DOE and John Roe, Reuters", "By Staff Reporter": a
/// line that starts with "By" and then holds only a few names.
fn is_byline(sentence: &str) -> bool {
    let s = sentence.trim();
    let Some(rest) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 8
        && !rest.trim_end().ends_with(['.', '!', '?'])
        && words.iter().all(|w| {
            matches!(
                *w,
                "and" | "of" | "the" | "in" | "for" | "&" | "-" | "—" | "|"
            ) || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// List items and headings: lines that start with a bullet or carry no full
/// stop. They are kept but scored down, since they seldom read well alone.
pub(crate) fn is_fragment_line(sentence: &str) -> bool {
    let s = sentence.trim();
    let bullet = s.starts_with(['-', '*', '•', '–', '—', '·', '▪', '►'])
        || s.split_once([')', '.']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
        });
    let stop = s
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', '…', ':', ';']);
    bullet || !stop
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_and_bylines() {
        for s in [
            "With files from The Associated Press",
            "Reporting by Jane Doe; Editing by John Roe",
            "By Jane Doe",
            "By JANE DOE and John Roe, Reuters",
            "BY STAFF REPORTER",
        ] {
            assert!(is_credit(s), "{s}");
        }
        for s in [
            "Canada slapped new sanctions on Belarus.",
            "By Friday the talks had failed.",
            "By contrast, exports grew by 3%.",
            "Bystanders fled.",
        ] {
            assert!(!is_credit(s), "{s}");
        }
    }

    #[test]
    fn fragments() {
        assert!(is_fragment_line("- cut taxes by 2%"));
        assert!(is_fragment_line("• Lower fees"));
        assert!(is_fragment_line("1) Open the box."));
        assert!(is_fragment_line("Related stories"));
        assert!(!is_fragment_line("Canada acted."));
        assert!(!is_fragment_line("“We will,” she said."));
        assert!(!is_fragment_line("2004 was a good year."));
    }
}
