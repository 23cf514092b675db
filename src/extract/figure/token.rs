//! Tokens for the figure parser: words, number literals and single punctuation marks, each with
//! its byte span. Whitespace is not a token; a token records whether whitespace preceded it.
//!
//! Number literals are read by small nom parsers: ASCII or Devanagari digits, Western (1,000,000)
//! or Indian (1,00,000) grouping, a decimal point, and a decimal comma *only* where grouping is
//! impossible (see [`literal`]).

use nom::bytes::complete::take_while1;
use nom::character::complete::char as ch;
use nom::combinator::opt;
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// A number literal's value and shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Lit {
    /// The value read.
    pub value: f64,
    /// Digits before any separator.
    pub int_digits: usize,
    /// No decimal part.
    pub integer: bool,
    /// Has grouping commas.
    pub grouped: bool,
}

impl Lit {
    /// Too long to be a quantity (an ID, a hash, a phone number run together) or not finite.
    pub fn is_code(&self) -> bool {
        self.int_digits > 24 || !self.value.is_finite()
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// A run of letters and Devanagari signs.
    Word,
    /// A number literal.
    Num(Lit),
    /// One other character.
    Punct(char),
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Whitespace right before it.
    pub ws_before: bool,
}

/// ASCII or Devanagari digit value.
pub(super) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0966}'..='\u{096F}' => Some(c as u32 - 0x0966),
        _ => None,
    }
}

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Letters and the Devanagari block (signs, virama, nukta), without danda and digits.
pub(super) fn is_word_char(c: char) -> bool {
    match c {
        '\u{0964}' | '\u{0965}' | '\u{0966}'..='\u{096F}' | '\u{0970}' => false,
        '\u{0900}'..='\u{097F}' | '\u{200C}' | '\u{200D}' | '\u{A8E0}'..='\u{A8FF}' => true,
        c => c.is_alphabetic(),
    }
}

fn is_devanagari(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Value of a Unicode vulgar fraction sign (½, ¾, ⅓ …).
pub(super) fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '¼' => 0.25,
        '½' => 0.5,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

// 123 | १२३
fn digit_run(i: &str) -> IResult<&str, &str> {
    take_while1(is_digit).parse_complete(i)
}

fn run_value(s: &str) -> f64 {
    s.chars()
        .filter_map(digit_value)
        .fold(0.0, |v, d| v * 10.0 + f64::from(d))
}

/// Group lengths are valid Western (1–3, then 3s) or Indian (1–2, then 2s, last 3) grouping.
fn grouping_ok(first: usize, groups: &[usize]) -> bool {
    let western = (1..=3).contains(&first) && groups.iter().all(|&g| g == 3);
    let indian = (1..=2).contains(&first)
        && groups
            .split_last()
            .is_some_and(|(last, mid)| *last == 3 && mid.iter().all(|&g| g == 2));
    western || indian
}

/// A number literal at the start of `i`.
///
/// `40` | `6,000` | `1,00,000` | `2,204.62` | `३.५` | `.75` | `3,5` (decimal comma).
///
/// A comma is a decimal comma only when the literal cannot be grouping: exactly one comma, not
/// followed by exactly three digits, at most three digits before it ("3,5" = 3.5). So
/// "1,335" is 1335, never 1.335: a reader cannot tell the two apart and grouping is far more
/// common in Hindi and English news. A literal whose grouping is invalid in any other way
/// ("1,2,3") stops before its first comma. A point followed by digits and then another point
/// (27.07.2023) is not a decimal point: the literal stops before it.
pub(super) fn literal(i: &str) -> IResult<&str, Lit> {
    let (mut rest, first) = opt(digit_run).parse_complete(i)?;
    let first = first.unwrap_or("");
    let first_len = first.chars().count();
    let mut value = run_value(first);
    let mut groups: [usize; 8] = [0; 8];
    let mut n_groups = 0;
    let mut grouped_value = value;
    let mut after_groups = rest;
    // Grouping by commas, or by a narrow, thin or no-break space (1 234 567.89).
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '\u{202F}' | '\u{2009}' | '\u{00A0}'))
        .unwrap_or(',');
    if !first.is_empty() {
        while let Ok((r, g)) = preceded(ch(sep), digit_run).parse_complete(after_groups) {
            if n_groups == groups.len() {
                break;
            }
            let len = g.chars().count();
            groups[n_groups] = len;
            n_groups += 1;
            grouped_value = grouped_value * 10f64.powi(len as i32) + run_value(g);
            after_groups = r;
        }
    }
    let groups = &groups[..n_groups];
    let mut integer = true;
    let grouped;
    if groups.is_empty() {
        grouped = false;
    } else if grouping_ok(first_len, groups) {
        grouped = true;
        value = grouped_value;
        rest = after_groups;
    } else if sep == ',' && groups.len() == 1 && groups[0] != 3 && first_len <= 3 {
        // Decimal comma.
        let g = groups[0];
        value += (grouped_value - value * 10f64.powi(g as i32)) / 10f64.powi(g as i32);
        rest = after_groups;
        integer = false;
        grouped = false;
        return Ok((
            rest,
            Lit {
                value,
                int_digits: first_len,
                integer,
                grouped,
            },
        ));
    } else {
        grouped = false;
    }
    // Decimal point, unless it is a dotted date or version (27.07.2023, 1.2.3).
    if let Ok((r, d)) = preceded(ch('.'), digit_run).parse_complete(rest) {
        let dotted_again = r.starts_with('.') && r[1..].starts_with(is_digit);
        if !dotted_again {
            let len = d.chars().count() as i32;
            value += run_value(d) / 10f64.powi(len);
            integer = false;
            rest = r;
        }
    }
    // ¾, 2½: a vulgar fraction sign, alone or after a whole number.
    if integer
        && let Some(c) = rest.chars().next()
        && let Some(f) = vulgar_fraction(c)
    {
        value += f;
        integer = false;
        rest = &rest[c.len_utf8()..];
        return Ok((
            rest,
            Lit {
                value,
                int_digits: first_len,
                integer,
                grouped,
            },
        ));
    }
    // 1.3e6, 1e10, 12e-1: an exponent written right after the mantissa.
    if let Some(r) = rest.strip_prefix(['e', 'E']) {
        let (sign, r) = match r.strip_prefix(['-', '+']) {
            Some(r2) => (if r.starts_with('-') { -1 } else { 1 }, r2),
            None => (1, r),
        };
        if let Ok((r, d)) = digit_run(r)
            && d.len() <= 2
            && d.is_ascii()
            && !r.starts_with(|c: char| c.is_alphanumeric())
            && !first.is_empty()
        {
            let exp = sign * d.parse::<i32>().unwrap_or(0);
            value *= 10f64.powi(exp);
            integer = value.fract() == 0.0;
            rest = r;
        }
    }
    if first.is_empty() && integer {
        // Neither digits nor a decimal part.
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((
        rest,
        Lit {
            value,
            int_digits: first_len,
            integer,
            grouped,
        },
    ))
}

/// Split `text` into tokens.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// Split `text` into tokens, appending to `out`.
pub(super) fn tokenize_into(text: &str, out: &mut Vec<Tok>) {
    let mut i = 0;
    let mut ws = false;
    let bytes = text.as_bytes();
    while i < text.len() {
        let b = bytes[i];
        // Fast path for ASCII whitespace.
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            ws = true;
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            ws = true;
            i += c.len_utf8();
            continue;
        }
        let prev_is_word_or_digit = out
            .last()
            .is_some_and(|t: &Tok| t.end == i && matches!(t.kind, Kind::Word | Kind::Num(_)));
        let starts_number = is_digit(c)
            || (c == '.' && !prev_is_word_or_digit && text[i + 1..].starts_with(is_digit))
            || (vulgar_fraction(c).is_some() && !prev_is_word_or_digit);
        if starts_number && let Ok((rest, lit)) = literal(&text[i..]) {
            let end = text.len() - rest.len();
            out.push(Tok {
                start: i,
                end,
                kind: Kind::Num(lit),
                ws_before: ws,
            });
            i = end;
        } else if is_word_char(c) {
            // A word ends where the script changes: "दिल्लीNov" is two words.
            let dev = is_devanagari(c);
            let len = text[i..]
                .char_indices()
                .find(|&(_, c)| !is_word_char(c) || (is_devanagari(c) != dev && !is_joiner(c)))
                .map_or(text.len() - i, |(k, _)| k);
            out.push(Tok {
                start: i,
                end: i + len,
                kind: Kind::Word,
                ws_before: ws,
            });
            i += len;
        } else {
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                kind: Kind::Punct(c),
                ws_before: ws,
            });
            i += c.len_utf8();
        }
        ws = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> (f64, &str) {
        let (rest, l) = literal(s).unwrap();
        (l.value, rest)
    }

    #[test]
    fn literals_read_grouping_and_decimals() {
        assert_eq!(lit("6,000 troops"), (6000.0, " troops"));
        assert_eq!(lit("1,00,000"), (100000.0, ""));
        assert_eq!(lit("4,23,523"), (423523.0, ""));
        assert_eq!(lit("2,204.62"), (2204.62, ""));
        assert_eq!(lit("१२३"), (123.0, ""));
        assert_eq!(lit("३.५"), (3.5, ""));
        assert_eq!(lit(".75 cups"), (0.75, " cups"));
        assert_eq!(lit("1,335 यूरो"), (1335.0, " यूरो"));
        assert_eq!(lit("3,5"), (3.5, ""));
        assert_eq!(lit("1,2,3"), (1.0, ",2,3"));
        assert_eq!(lit("27.07.2023"), (27.0, ".07.2023"));
        assert_eq!(lit("2020."), (2020.0, "."));
        assert_eq!(lit("1\u{202f}234\u{202f}567.89 is"), (1234567.89, " is"));
        assert_eq!(lit("10\u{a0}000"), (10000.0, ""));
        assert_eq!(lit("12\u{2009}34"), (12.0, "\u{2009}34"));
        assert_eq!(lit("¾ cup"), (0.75, " cup"));
        assert_eq!(lit("2½"), (2.5, ""));
        assert!(literal("abc").is_err());
        assert!(literal(".").is_err());
    }

    #[test]
    fn tokens_keep_byte_spans() {
        let t = "70वीं वर्षगांठ, 40%";
        let toks = tokenize(t);
        let texts: Vec<&str> = toks.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(texts, ["70", "वीं", "वर्षगांठ", ",", "40", "%"]);
        assert!(!toks[1].ws_before && toks[2].ws_before);
    }
}
