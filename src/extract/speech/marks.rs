//! Quote marks paired by type: “ ” ‘ ’ « » by shape, straight " and ' by position.
//!
//! Pairing never fails: a mark that finds no partner is reported as unbalanced and the rest of
//! the text is still paired. A paragraph (line) that opens a quote without closing it continues
//! into the next body line (the convention of multi-paragraph quotations, where the next paragraph
//! may repeat the opening mark); if that line neither closes nor repeats it, the opening mark is
//! unbalanced. Apostrophes inside words ("don't", "Korea's", "Korea’s") are not quote marks.

use crate::extract::speech::words::is_word_char;
use crate::span::Span;

/// The type of a quote mark; only marks of one type pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    CurlyDouble,
    CurlySingle,
    StraightDouble,
    StraightSingle,
    Guillemet,
}

/// A pair of quote marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// The opening mark.
    pub open: Span,
    /// The closing mark.
    pub close: Span,
}

impl Pair {
    /// From the opening mark to the closing mark, both included.
    pub fn outer(&self) -> Span {
        Span::new(self.open.start, self.close.end)
    }

    /// The text between the marks.
    pub fn inner(&self) -> Span {
        Span::new(self.open.end, self.close.start.max(self.open.end))
    }
}

/// Quote marks open at once, at most; real prose nests two or three. An opening mark beyond
/// this is left unpaired (and listed in [`Pairing::overflow`]), so that pairing stays linear and
/// nested quotes cannot multiply the output.
pub const MAX_OPEN: usize = 16;

/// Bytes from an opening mark to its closing mark, at most. The longest quotations in the
/// corpora are under 5,000 bytes; two marks further apart are not a quotation one can check, and
/// pairing them would let nested marks repeat most of a document in every claim.
pub const MAX_QUOTE_BYTES: usize = 8192;

/// The pairs and the marks left without a partner.
#[derive(Debug, Default)]
pub struct Pairing {
    /// Paired marks, sorted by opening mark.
    pub pairs: Vec<Pair>,
    /// Marks without a partner, sorted.
    pub unbalanced: Vec<Span>,
    /// Opening marks not paired because [`MAX_OPEN`] marks were open (also in `unbalanced`).
    pub overflow: Vec<Span>,
    /// Pairs dropped as longer than [`MAX_QUOTE_BYTES`] (their marks are in `unbalanced`).
    pub too_long: Vec<Pair>,
}

#[derive(Debug)]
struct Open {
    ty: Type,
    span: Span,
    /// Carried over from an earlier line.
    carried: bool,
    /// Re-opened at the start of the current line.
    continued: bool,
}

fn opener_like(prev: Option<char>, next: Option<char>) -> bool {
    let p = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:".contains(p));
    let n = next.is_some_and(|n| !n.is_whitespace());
    p && n
}

fn closer_like(prev: Option<char>, next: Option<char>) -> bool {
    let p = prev.is_some_and(|p| !p.is_whitespace());
    let n = next.is_none_or(|n| n.is_whitespace() || !is_word_char(n));
    p && n
}

/// Pair the quote marks of `lines` (body lines of `text`, in order).
pub fn pair(text: &str, lines: &[Span]) -> Pairing {
    let mut out = Pairing::default();
    let mut stack: Vec<Open> = Vec::new();
    for line in lines {
        let l = line.slice(text);
        if l.trim().is_empty() {
            continue;
        }
        for o in stack.iter_mut() {
            o.continued = false;
        }
        let lead = l.len() - l.trim_start().len();
        for (i, c) in l.char_indices() {
            let ty = match c {
                '“' | '”' => Type::CurlyDouble,
                '‘' | '’' => Type::CurlySingle,
                '"' => Type::StraightDouble,
                '\'' => Type::StraightSingle,
                '«' | '»' => Type::Guillemet,
                _ => continue,
            };
            // Neighbours only for the marks themselves (the line is not copied into a Vec).
            let prev = l.get(..i).and_then(|b| b.chars().next_back());
            let next = l.get(i + c.len_utf8()..).and_then(|a| a.chars().next());
            let span = Span::new(line.start + i, line.start + i + c.len_utf8());
            let word_both = prev.is_some_and(is_word_char) && next.is_some_and(is_word_char);
            let single = matches!(ty, Type::CurlySingle | Type::StraightSingle);
            if single && word_both {
                continue; // don't, Korea's
            }
            let open_idx = stack.iter().rposition(|o| o.ty == ty);
            // A line that starts with the opening mark of a quote carried from the last line
            // continues it.
            if i == lead
                && matches!(c, '“' | '‘' | '«' | '"' | '\'')
                && let Some(k) = open_idx.filter(|&k| stack[k].carried && !stack[k].continued)
            {
                stack[k].continued = true;
                continue;
            }
            let is_open = match c {
                '“' | '‘' | '«' => true,
                '”' | '’' | '»' => false,
                _ => {
                    // Straight marks: close an open one of the same type when the position allows.
                    if open_idx.is_some() && (closer_like(prev, next) || !opener_like(prev, next)) {
                        false
                    } else {
                        opener_like(prev, next)
                    }
                }
            };
            if is_open && stack.len() >= MAX_OPEN {
                out.overflow.push(span);
                out.unbalanced.push(span);
                continue;
            }
            if is_open {
                stack.push(Open {
                    ty,
                    span,
                    carried: false,
                    continued: false,
                });
                continue;
            }
            match open_idx {
                Some(k) => {
                    // Marks opened inside and never closed are unbalanced.
                    for o in stack.drain(k + 1..) {
                        out.unbalanced.push(o.span);
                    }
                    if let Some(o) = stack.pop() {
                        out.pairs.push(Pair {
                            open: o.span,
                            close: span,
                        });
                    }
                }
                None => {
                    // A closing apostrophe after a letter ("soldiers’") is not a quote mark.
                    if single && prev.is_some_and(|p| p.is_ascii_alphanumeric()) {
                        continue;
                    }
                    // Some machine translations open with a closing-shaped mark (”…”).
                    if ty != Type::Guillemet && opener_like(prev, next) && stack.len() >= MAX_OPEN {
                        out.overflow.push(span);
                        out.unbalanced.push(span);
                    } else if ty != Type::Guillemet && opener_like(prev, next) {
                        stack.push(Open {
                            ty,
                            span,
                            carried: false,
                            continued: false,
                        });
                    } else if !(single && prev.is_some_and(is_word_char)) {
                        out.unbalanced.push(span);
                    }
                }
            }
        }
        // End of the line: a quote carried once and not continued is unbalanced.
        let mut keep = Vec::new();
        for mut o in stack.drain(..) {
            if o.carried && !o.continued {
                out.unbalanced.push(o.span);
            } else {
                o.carried = true;
                keep.push(o);
            }
        }
        stack = keep;
    }
    out.unbalanced.extend(stack.into_iter().map(|o| o.span));
    let (long, pairs): (Vec<Pair>, Vec<Pair>) = out
        .pairs
        .into_iter()
        .partition(|p| p.outer().len() > MAX_QUOTE_BYTES);
    out.pairs = pairs;
    for p in &long {
        out.unbalanced.push(p.open);
        out.unbalanced.push(p.close);
    }
    out.too_long = long;
    out.too_long.sort_by_key(|p| p.open);
    out.pairs.sort_by_key(|p| p.open);
    out.unbalanced.sort();
    out.overflow.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::chrome;

    fn run(t: &str) -> (Vec<&str>, Vec<&str>) {
        let p = pair(t, &chrome::lines(t));
        (
            p.pairs.iter().map(|x| x.inner().slice(t)).collect(),
            p.unbalanced.iter().map(|x| x.slice(t)).collect(),
        )
    }

    #[test]
    fn pairs_by_type() {
        let (pairs, bad) = run("उन्होंने “स्पष्ट समर्थन” और 'सैन्य सहयोग' तथा \"बिना देरी\" कहा");
        assert_eq!(pairs, ["स्पष्ट समर्थन", "सैन्य सहयोग", "बिना देरी"]);
        assert!(bad.is_empty());
        let (pairs, _) = run("“He said ‘no’ twice,” she said.");
        assert_eq!(pairs, ["He said ‘no’ twice,", "no"]);
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let (pairs, bad) =
            run("Korea's leader didn't say 'yes' to the soldiers' plan, Korea’s too.");
        assert_eq!(pairs, ["yes"]);
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn odd_counts_give_unbalanced_marks_not_failures() {
        let (pairs, bad) = run("वॉन्सन ‘कलमा कोस्टल टूरिस्ट क्षेत्र को खोल दिया। “एक” और “दो");
        assert_eq!(pairs, ["एक"]);
        assert_eq!(bad, ["‘", "“"]);
    }

    #[test]
    fn open_marks_are_bounded() {
        let t = "“".repeat(MAX_OPEN + 5) + "x”";
        let p = pair(&t, &chrome::lines(&t));
        assert_eq!(p.pairs.len(), 1);
        assert_eq!(p.overflow.len(), 5);
        assert_eq!(p.unbalanced.len(), MAX_OPEN + 4);
    }

    #[test]
    fn an_open_quote_continues_into_the_next_paragraph() {
        let t = "“पहला अनुच्छेद है।\n“दूसरा अनुच्छेद है।”\nबाहर";
        let (pairs, bad) = run(t);
        assert_eq!(pairs, ["पहला अनुच्छेद है।\n“दूसरा अनुच्छेद है।"]);
        assert!(bad.is_empty());
        let t = "\"We will\nwin,\" he said.";
        let (pairs, _) = run(t);
        assert_eq!(pairs, ["We will\nwin,"]);
        let (pairs, bad) = run("“खुला\nअगली पंक्ति\nतीसरी");
        assert!(pairs.is_empty());
        assert_eq!(bad, ["“"]);
    }
}
