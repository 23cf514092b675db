//! Words and numbers of a stretch of text, with byte offsets, for the time matcher.
//!
//! A token is a run of Devanagari letters, a run of Latin letters, a number (ASCII or Devanagari
//! digits, with an English ordinal suffix: "22nd"), or a numeric date ("27.07.2023", "2024-11-30",
//! "21/04/16") read by the small nom parsers below. A change of script splits a word, so the
//! glued byline "नई दिल्लीNov 30" gives "नई", "दिल्ली", "Nov", "30". Numbers that are clearly not
//! days — "6,000", "1.5", "10:30", "40%" — become [`TokKind::Other`] so no date is built from them.

use nom::IResult;
use nom::Parser;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, one_of};
use nom::combinator::{map_opt, not, peek};

use std::borrow::Cow;

use super::lexicon::{normalize, normalize_cow};

/// A numeric date as written: day, month and (two- or four-digit, expanded) year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumDate {
    /// Year, when written.
    pub year: Option<i32>,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters.
    Word,
    /// A number of `digits` digits; `ordinal` when written "22nd".
    Num {
        /// The value.
        value: u32,
        /// How many digits.
        digits: usize,
        /// With an ordinal suffix.
        ordinal: bool,
    },
    /// A numeric date.
    Date(NumDate),
    /// A number that is not a day or year (grouped, decimal, time of day, percent, "70वीं").
    Other,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// First byte (into the whole document).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The normalised word (empty for numbers); borrowed when the word needs no change.
    pub norm: Cow<'a, str>,
    /// Starts with a capital Latin letter.
    pub capital: bool,
    /// What it is.
    pub kind: TokKind,
}

/// Hindi ordinal endings glued to digits ("1ली", "4थी", "22वीं"), as the figure grammar's
/// `digit_ordinal_suffixes` lists them.
const HINDI_ORDINAL_ENDINGS: [&str; 18] = [
    "वां",
    "वीं",
    "वें",
    "वा",
    "वी",
    "वे",
    "रा",
    "री",
    "रे",
    "था",
    "थी",
    "थे",
    "ठा",
    "ठी",
    "ठे",
    "ला",
    "ली",
    "ले",
];

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{0966}'..='\u{096F}' => Some(c as u32 - 0x0966),
        _ => None,
    }
}

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

fn is_devanagari_letter(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0963}' | '\u{0970}'..='\u{097F}' | '\u{200C}' | '\u{200D}')
}

/// `1`–`4` digits (ASCII or Devanagari) → (value, digit count).
fn number(i: &str) -> IResult<&str, (u32, usize)> {
    map_opt(take_while_m_n(1, 4, is_digit), |s: &str| {
        let n = s.chars().count();
        s.chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + digit_value(c)?))
            .map(|v| (v, n))
    })
    .parse(i)
}

fn sep(i: &str) -> IResult<&str, char> {
    one_of("./-").parse(i)
}

/// Nothing that would continue a number may follow: a digit, or a separator and a digit.
fn end_of_number(i: &str) -> IResult<&str, ()> {
    let (i, _) = not(peek(take_while_m_n(1, 1, is_digit))).parse(i)?;
    let (i, _) = not(peek((sep, take_while_m_n(1, 1, is_digit)))).parse(i)?;
    Ok((i, ()))
}

fn expand_year((v, n): (u32, usize)) -> Option<i32> {
    match n {
        4 => Some(v as i32),
        2 => Some(if v < 50 {
            2000 + v as i32
        } else {
            1900 + v as i32
        }),
        _ => None,
    }
}

fn valid(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Day and month of two numbers written `a·b`: day first, unless only the other order is valid
/// (news in India writes D-M; "2/29" can only be M/D).
fn order(a: u32, b: u32) -> Option<(u32, u32)> {
    if valid(b, a) {
        Some((b, a))
    } else if valid(a, b) {
        Some((a, b))
    } else {
        None
    }
}

/// `2024-11-30` | `2015.5.13` | `2020/09/23`
fn ymd(i: &str) -> IResult<&str, NumDate> {
    let (i, y) = number(i)?;
    let (i, s) = sep(i)?;
    let (i, m) = number(i)?;
    let (i, _) = char(s)(i)?;
    let (i, d) = number(i)?;
    let (i, _) = end_of_number(i)?;
    match (y.1, m.1 <= 2, d.1 <= 2) {
        (4, true, true) if valid(m.0, d.0) => Ok((
            i,
            NumDate {
                year: Some(y.0 as i32),
                month: m.0,
                day: d.0,
            },
        )),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// `27.07.2023` | `21/04/16` | `25-03-2020` | `2/29/2020`
fn dmy(i: &str) -> IResult<&str, NumDate> {
    let (i, a) = number(i)?;
    let (i, s) = sep(i)?;
    let (i, b) = number(i)?;
    let (i, _) = char(s)(i)?;
    let (i, y) = number(i)?;
    let (i, _) = end_of_number(i)?;
    let parts = (a.1 <= 2 && b.1 <= 2)
        .then(|| order(a.0, b.0))
        .flatten()
        .zip(expand_year(y));
    match parts {
        Some(((month, day), year)) => Ok((
            i,
            NumDate {
                year: Some(year),
                month,
                day,
            },
        )),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// `11/20` | `22/04` | `06-05` — no year: two two-digit parts, with a slash, or with a hyphen when
/// one part is zero-padded (so fractions like "3/15" and ranges like "10-12" stay figures).
fn dm(i: &str) -> IResult<&str, NumDate> {
    let (after_a, a) = number(i)?;
    let first = &i[..i.len() - after_a.len()];
    let (after_s, s) = sep(after_a)?;
    let (rest, b) = number(after_s)?;
    let second = &after_s[..after_s.len() - rest.len()];
    let (rest, _) = end_of_number(rest)?;
    let padded = |t: &str| t.starts_with('0') || t.starts_with('\u{0966}');
    let ok = a.1 <= 2
        && b.1 <= 2
        && match s {
            // both two-digit, so fractions ("2/10", "3/15") stay figures
            '/' => a.1 == 2 && b.1 == 2,
            '-' => a.1 == 2 && b.1 == 2 && (padded(first) || padded(second)),
            _ => false,
        };
    match ok.then(|| order(a.0, b.0)).flatten() {
        Some((month, day)) => Ok((
            rest,
            NumDate {
                year: None,
                month,
                day,
            },
        )),
        None => Err(nom::Err::Error(nom::error::Error::new(
            rest,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// A numeric date at the start of `i`, and the bytes it takes.
pub fn numeric_date(i: &str) -> Option<(NumDate, usize)> {
    let (rest, d) = ymd(i).or_else(|_| dmy(i)).or_else(|_| dm(i)).ok()?;
    Some((d, i.len() - rest.len()))
}

/// The tokens of `text[start..end]`, with offsets into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let Some(s) = text.get(start..end) else {
        return Vec::new();
    };
    // about one token per eight bytes of Hindi text
    let mut out = Vec::with_capacity(s.len() / 8 + 1);
    let mut chars = s.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if is_digit(c) {
            let glued = prev.is_some_and(|p| p.is_alphanumeric() || is_digit(p));
            if !glued && let Some((d, len)) = numeric_date(&s[i..]) {
                out.push(Token {
                    start: start + i,
                    end: start + i + len,
                    norm: Cow::Borrowed(""),
                    capital: false,
                    kind: TokKind::Date(d),
                });
                while chars.peek().is_some_and(|(j, _)| *j < i + len) {
                    prev = chars.next().map(|x| x.1);
                }
                continue;
            }
            // digits, then what sticks to them
            let mut j = i + c.len_utf8();
            let mut value = digit_value(c).unwrap_or(0) as u64;
            let mut digits = 1usize;
            let mut last = c;
            while let Some(&(k, d)) = chars.peek() {
                if let Some(v) = digit_value(d) {
                    value = value.saturating_mul(10).saturating_add(v as u64);
                    digits += 1;
                    j = k + d.len_utf8();
                    last = d;
                    chars.next();
                } else {
                    break;
                }
            }
            let rest = &s[j..];
            let mut kind = TokKind::Num {
                value: u32::try_from(value).unwrap_or(u32::MAX),
                digits,
                ordinal: false,
            };
            let mut chars_after = rest.chars();
            let next = chars_after.next();
            let next2 = chars_after.next();
            let continues =
                matches!((next, next2), (Some(',' | '.' | ':'), Some(d)) if is_digit(d));
            if continues || next == Some('%') || glued {
                kind = TokKind::Other;
                // swallow the rest of the number ("6,000", "1.5", "10:30")
                while let Some(&(k, d)) = chars.peek() {
                    let sticky = is_digit(d)
                        || (matches!(d, ',' | '.' | ':')
                            && s[k + 1..].chars().next().is_some_and(is_digit))
                        || d == '%';
                    if !sticky {
                        break;
                    }
                    j = k + d.len_utf8();
                    last = d;
                    chars.next();
                }
            } else {
                let suffix = &rest[..rest
                    .bytes()
                    .position(|b| !b.is_ascii_alphabetic())
                    .unwrap_or(rest.len())];
                if ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|o| suffix.eq_ignore_ascii_case(o))
                {
                    kind = TokKind::Num {
                        value: u32::try_from(value).unwrap_or(u32::MAX),
                        digits,
                        ordinal: true,
                    };
                    for _ in 0..suffix.len() {
                        if let Some((_, d)) = chars.next() {
                            last = d;
                        }
                    }
                    j += suffix.len();
                } else if let Some(suf) = HINDI_ORDINAL_ENDINGS.iter().find(|e| {
                    rest.strip_prefix(**e).is_some_and(|r| {
                        !r.starts_with(|c: char| c.is_alphanumeric() || is_devanagari_letter(c))
                    })
                }) {
                    // "1ली जनवरी", "22वीं तारीख": a Hindi ordinal ending
                    kind = TokKind::Num {
                        value: u32::try_from(value).unwrap_or(u32::MAX),
                        digits,
                        ordinal: true,
                    };
                    for _ in 0..suf.chars().count() {
                        if let Some((_, d)) = chars.next() {
                            last = d;
                        }
                    }
                    j += suf.len();
                } else if rest
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || is_devanagari_letter(c))
                {
                    // "70वीं", "5th-grade"-like glue: not a plain number
                    kind = TokKind::Other;
                    while let Some(&(k, d)) = chars.peek() {
                        if d.is_alphanumeric() || is_devanagari_letter(d) {
                            j = k + d.len_utf8();
                            last = d;
                            chars.next();
                        } else {
                            break;
                        }
                    }
                }
            }
            out.push(Token {
                start: start + i,
                end: start + j,
                norm: Cow::Borrowed(""),
                capital: false,
                kind,
            });
            prev = Some(last);
            continue;
        }
        let dev = is_devanagari_letter(c);
        let latin = c.is_ascii_alphabetic();
        if !(dev || latin || c.is_alphabetic()) {
            prev = Some(c);
            continue;
        }
        let same = |d: char| {
            if dev {
                is_devanagari_letter(d)
            } else if latin {
                d.is_ascii_alphabetic()
            } else {
                d.is_alphabetic() && !d.is_ascii_alphabetic() && !is_devanagari_letter(d)
            }
        };
        // whether `normalize` would change a Devanagari or Latin word, read while scanning it
        let changes = |d: char| {
            matches!(
                d,
                '\u{093C}' | '\u{200C}' | '\u{200D}' | '\u{0901}' | '\u{0958}'..='\u{095F}'
            ) || d.is_ascii_uppercase()
        };
        let mut plain = !changes(c);
        let mut j = i + c.len_utf8();
        let mut last = c;
        while let Some(&(k, d)) = chars.peek() {
            if same(d) {
                plain &= !changes(d);
                j = k + d.len_utf8();
                last = d;
                chars.next();
            } else {
                break;
            }
        }
        let word = &s[i..j];
        let norm = if !(dev || latin) {
            normalize_cow(word)
        } else if plain {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(normalize(word))
        };
        out.push(Token {
            start: start + i,
            end: start + j,
            norm,
            capital: c.is_ascii_uppercase(),
            kind: TokKind::Word,
        });
        prev = Some(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, TokKind)> {
        tokenize(s, 0, s.len())
            .into_iter()
            .map(|t| (s[t.start..t.end].to_string(), t.kind))
            .collect()
    }

    #[test]
    fn numeric_dates_in_both_orders_and_scripts() {
        let d = |y, m, d| NumDate {
            year: y,
            month: m,
            day: d,
        };
        assert_eq!(numeric_date("27.07.2023"), Some((d(Some(2023), 7, 27), 10)));
        assert_eq!(
            numeric_date("2024-11-30T10:00"),
            Some((d(Some(2024), 11, 30), 10))
        );
        assert_eq!(numeric_date("21/04/16 को"), Some((d(Some(2016), 4, 21), 8)));
        assert_eq!(numeric_date("2/29/2020"), Some((d(Some(2020), 2, 29), 9)));
        assert_eq!(
            numeric_date("२५-०३-२०२०").map(|x| x.0),
            Some(d(Some(2020), 3, 25))
        );
        assert_eq!(numeric_date("11/20,").map(|x| x.0), Some(d(None, 11, 20)));
        assert_eq!(numeric_date("06-05").map(|x| x.0), Some(d(None, 5, 6)));
    }

    #[test]
    fn ranges_decimals_and_versions_are_not_dates() {
        for s in [
            "10-12",
            "5-6",
            "1.5",
            "1/2",
            "1.2.3.4",
            "2010-2012",
            "32/13/2020",
        ] {
            assert_eq!(numeric_date(s), None, "{s}");
        }
    }

    #[test]
    fn glued_scripts_split_and_grouped_numbers_stay_whole() {
        let k = kinds("नई दिल्लीNov 30, 2024 / 02:58 pm; 6,000 सैनिक, 70वीं, 22nd");
        let texts: Vec<&str> = k.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "नई",
                "दिल्ली",
                "Nov",
                "30",
                "2024",
                "02:58",
                "pm",
                "6,000",
                "सैनिक",
                "70वीं",
                "22nd"
            ]
        );
        assert_eq!(k[5].1, TokKind::Other);
        assert_eq!(k[7].1, TokKind::Other);
        // a Hindi ordinal ending makes an ordinal, as "22nd" does
        assert!(matches!(
            k[9].1,
            TokKind::Num {
                value: 70,
                ordinal: true,
                ..
            }
        ));
        assert!(matches!(
            k[10].1,
            TokKind::Num {
                value: 22,
                ordinal: true,
                ..
            }
        ));
    }

    #[test]
    fn offsets_are_into_the_whole_text() {
        let s = "क्या 13.5.2015 को";
        let t = tokenize(s, 0, s.len());
        assert_eq!(&s[t[1].start..t[1].end], "13.5.2015");
        let sub = tokenize(s, t[1].start, s.len());
        assert_eq!(sub[0].start, t[1].start);
    }
}
