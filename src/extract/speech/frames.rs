//! Reporting frames: who said (or reported) something, with which verb, and which words they
//! said. Also the noun phrases that name speakers and sources.
//!
//! Hindi: the speaker of a past-tense reporting verb is the noun phrase marked by ने (or a fused
//! pronoun such as उन्होंने), found by reading back from the verb; the noun phrase is read back
//! from ने until a postposition, a clause word or punctuation. A को-marked noun ("ब्लूमबर्ग न्यूज
//! को बताया") is never read, because reading stops at को. English: the subject read back from the
//! verb, or the phrase after an inverted verb ("…,” said Lavrov").
//!
//! What follows the verb decides the kind: a complementizer (कि, that) opens indirect speech; a
//! comma or colon after a saying verb opens unmarked speech; the end of the sentence makes the
//! frame a trailing attribution of what came before.

use crate::claim::QuoteKind;
use crate::extract::entity::EntityGrammar;
use crate::extract::speech::grammar::{LangSpeech, Phrases};
use crate::extract::speech::words::{self, Word};
use crate::span::Span;

/// Words read back from a reporting verb for its agent and for the cues between them.
const AGENT_LOOKBACK: usize = 30;

/// What a noun phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    /// A name (possibly after a title): "सर्गेई लावरोव", "Kyrylo Budanov".
    Name,
    /// A pronoun; `person` when it can refer to a person.
    Pronoun {
        /// he, she, उन्होंने, वह.
        person: bool,
    },
    /// A description: "कुछ विशेषज्ञों", "उत्तर कोरिया के सरकारी मीडिया", "the ministry".
    Descriptive,
}

/// A noun phrase naming a speaker or source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// The whole phrase.
    pub span: Span,
    /// The name, a pronoun, or the whole description: what a mention shows.
    pub head: Span,
    /// A title or description before the name ("रक्षा मंत्री", "यूक्रेनी मिलिट्री इंटेलिजेंस के प्रमुख").
    pub title: Option<Span>,
    /// What it is.
    pub kind: NpKind,
}

/// A reporting frame found in one sentence.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Sentence index.
    pub sentence: usize,
    /// The speaker, when the text names one.
    pub agent: Option<Np>,
    /// The reporting verb or frame words.
    pub verb: Span,
    /// The reported words (indirect or unmarked).
    pub content: Option<Span>,
    /// Indirect or unmarked when there is content.
    pub kind: Option<QuoteKind>,
    /// The verb ends its sentence: it attributes the words before it.
    pub trailing: bool,
    /// Earlier links of the chain named inside the frame (के हवाले से, citing): cue and source.
    pub chain: Vec<(Span, Np)>,
    /// An attribution cue, when the frame is one ("ने एक बयान में कहा", "ने बताया", "told").
    pub attribution: Option<String>,
    /// First byte of the frame (agent or verb).
    pub start: usize,
}

/// A stand-alone attribution cue: "केसीएनए के अनुसार", "according to Reuters".
#[derive(Debug, Clone)]
pub struct Cue {
    /// Sentence index.
    pub sentence: usize,
    /// The cue words.
    pub cue: Span,
    /// The source.
    pub source: Np,
}

/// Data a frame reader needs.
pub struct Reader<'a> {
    /// Text as read.
    pub text: &'a str,
    /// Speech data of the language.
    pub g: &'a LangSpeech,
    /// Entity data (titles, descriptors, aliases).
    pub eg: &'a EntityGrammar,
    /// English: names are capitalised, subjects precede verbs without a marker.
    pub english: bool,
}

fn has(list: &Phrases, w: &Word) -> bool {
    LangSpeech::has(list, &w.norm)
}

impl Reader<'_> {
    fn np_joined(&self, a: &Word, b: &Word) -> bool {
        let Some(g) = self.text.get(a.end..b.start) else {
            return false;
        };
        // "Sainsbury's", "यू.एस."
        if (matches!(g, "'" | "’") && b.norm == "s") || words::dotted(self.text, a, b) {
            return true;
        }
        if self.english {
            // "Mr. Adams", "Dionisio A. Lind".
            let raw = self.text.get(a.start..a.end).unwrap_or("");
            let abbrev = raw.chars().count() == 1
                || LangSpeech::has(&self.eg.titles, &a.norm)
                || matches!(
                    a.norm.as_str(),
                    "mr" | "mrs"
                        | "ms"
                        | "dr"
                        | "st"
                        | "gen"
                        | "lt"
                        | "col"
                        | "sen"
                        | "rep"
                        | "gov"
                );
            if g.starts_with('.') && g[1..].chars().all(char::is_whitespace) && g.len() <= 2 {
                return abbrev;
            }
        }
        g.chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '(' | ')'))
    }

    fn is_stop(&self, w: &Word) -> bool {
        has(&self.g.np_stops, w)
            || has(&self.g.agent_markers, w)
            || has(&self.g.complementizers, w)
            || has(&self.g.agent_pronouns, w)
    }

    /// The noun phrase that ends at word `end - 1` (read backwards, at most eight words).
    pub fn np_before(&self, ws: &[Word], end: usize) -> Option<Np> {
        let last = end.checked_sub(1)?;
        let lw = ws.get(last)?;
        if let Some(p) = self.pronoun(lw) {
            return Some(p);
        }
        if self.english && !self.en_np_word(lw) && !self.is_stop(lw) && lw.norm != "s" {
            // "The Japanese carmaker said", "according to the indictment".
            return (last.saturating_sub(4)..last)
                .find(|&f| self.en_determined(ws, f, end))
                .and_then(|f| self.analyse(ws, f, end));
        }
        if self.is_stop(lw) || (self.english && !self.en_np_word(lw) && lw.norm != "s") {
            return None;
        }
        let mut first = last;
        while first > 0 && last - first < 9 {
            let (a, b) = (&ws[first - 1], &ws[first]);
            if !self.np_joined(a, b) || self.is_stop(a) {
                break;
            }
            // The name before a possessive "'s" belongs to the phrase in either language.
            let possessive = b.norm == "s" && first == last;
            if self.english && !self.en_np_word(a) && !possessive {
                break;
            }
            first -= 1;
        }
        self.analyse(ws, first, end)
    }

    /// The noun phrase that starts at word `start` (read forwards, at most six words).
    pub fn np_after(&self, ws: &[Word], start: usize) -> Option<Np> {
        let fw = ws.get(start)?;
        if let Some(p) = self.pronoun(fw) {
            return Some(p);
        }
        if self.is_stop(fw) {
            return None;
        }
        let mut end = start + 1;
        while end < ws.len() && end - start < 6 {
            let (a, b) = (&ws[end - 1], &ws[end]);
            if !self.np_joined(a, b) || self.is_stop(b) {
                break;
            }
            if self.english && !self.en_np_word(b) {
                break;
            }
            end += 1;
        }
        self.analyse(ws, start, end)
    }

    /// The source after a cue: [`Reader::np_after`], or in English a determiner and the plain
    /// words after it ("according to the indictment").
    fn source_after(&self, ws: &[Word], start: usize) -> Option<Np> {
        let fw = ws.get(start)?;
        if self.english && has(&self.g.determiners, fw) {
            let mut e = start + 1;
            while e < ws.len() && self.en_determined(ws, start, e + 1) {
                e += 1;
            }
            if e > start + 1 {
                return self.analyse(ws, start, e);
            }
        }
        self.np_after(ws, start)
    }

    /// English noun-phrase words: capitalised words, and lowercase words that are titles,
    /// descriptors, determiners or organisation heads ("the ministry", "officials").
    fn en_np_word(&self, w: &Word) -> bool {
        let raw = self.text.get(w.start..w.end).unwrap_or("");
        raw.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            || self.eg.is_descriptor(&w.norm)
            || self.eg.is_org_word(&w.norm)
            || has(&self.g.determiners, w)
            || LangSpeech::has(&self.eg.titles, &w.norm)
            || has(&self.g.common_nouns, w)
            // "Byeong-seug", "23-year-old": the lowercase part of a hyphenated word.
            || self.text.get(..w.start).is_some_and(|b| b.ends_with('-'))
    }

    /// English: a lowercase noun phrase opened by a determiner ("the indictment", "The Japanese
    /// carmaker"): the words `[first, end)` when `ws[first]` is a determiner and every word after
    /// it is a plain word joined to the last.
    fn en_determined(&self, ws: &[Word], first: usize, end: usize) -> bool {
        ws.get(first).is_some_and(|w| has(&self.g.determiners, w))
            && end > first + 1
            && end - first <= 5
            && (first + 1..end).all(|k| !self.is_stop(&ws[k]) && self.np_joined(&ws[k - 1], &ws[k]))
    }

    fn pronoun(&self, w: &Word) -> Option<Np> {
        let person = if has(&self.g.agent_pronouns, w) || has(&self.g.person_pronouns, w) {
            true
        } else if has(&self.g.other_pronouns, w) {
            false
        } else {
            return None;
        };
        Some(Np {
            span: w.span(),
            head: w.span(),
            title: None,
            kind: NpKind::Pronoun { person },
        })
    }

    /// Split the words `[first, end)` into title and name, or call them a description.
    fn analyse(&self, ws: &[Word], first: usize, end: usize) -> Option<Np> {
        let a = ws.get(first)?;
        let z = ws.get(end.checked_sub(1)?)?;
        let mut span = Span::new(a.start, z.end);
        // Close a parenthesis the phrase opened: "कोरियन सेंट्रल न्यूज एजेंसी (केसीएनए)".
        if span.slice(self.text).contains('(')
            && self.text.get(z.end..).is_some_and(|r| r.starts_with(')'))
        {
            span.end += 1;
        }
        let ph = &ws[first..end];
        // Words in quote marks are a phrase being quoted, not a speaker's name.
        let quoted = self
            .text
            .get(z.end..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| matches!(c, '"' | '\'' | '”' | '’' | '»'));
        // A known name ending the phrase (or the word before a parenthesis).
        let mut name: Option<(usize, usize)> = None;
        for i in 0..ph.len() {
            if let Some((n, _)) = self.eg.alias_at(ph, i, self.text)
                && (i + n == ph.len() || (i + n + 1 == ph.len() && self.parenthesised(ph, i + n)))
            {
                name = Some((i, n));
                break;
            }
        }
        if name.is_none() && !quoted {
            // The words after the last title.
            let mut after_title = None;
            let mut i = 0;
            while i < ph.len() {
                if let Some(n) = self.eg.title_at(ph, i, self.text) {
                    after_title = Some(i + n);
                    i += n;
                } else {
                    i += 1;
                }
            }
            if let Some(k) = after_title.filter(|&k| k < ph.len()) {
                if ph[k..].iter().all(|w| self.nameish(w)) {
                    name = Some((k, ph.len() - k));
                }
            } else if after_title.is_none() {
                // No title: a name if nothing in it says "description".
                let k = ph
                    .iter()
                    .position(|w| !self.eg.is_descriptor(&w.norm))
                    .unwrap_or(ph.len());
                let rest = &ph[k..];
                if !rest.is_empty()
                    && rest.len() <= 3
                    && rest.iter().all(|w| self.nameish(w))
                    && !ph
                        .iter()
                        .any(|w| has(&self.g.genitives, w) || has(&self.g.determiners, w))
                {
                    name = Some((k, rest.len()));
                }
            }
        }
        Some(match name {
            Some((i, n)) => {
                let (h0, h1) = (&ph[i], &ph[i + n - 1]);
                let title = (i > 0).then(|| Span::new(a.start, ph[i - 1].end));
                Np {
                    span,
                    head: Span::new(h0.start, h1.end),
                    title,
                    kind: NpKind::Name,
                }
            }
            None => Np {
                span,
                head: span,
                title: None,
                kind: NpKind::Descriptive,
            },
        })
    }

    fn parenthesised(&self, ph: &[Word], i: usize) -> bool {
        match (i.checked_sub(1).and_then(|k| ph.get(k)), ph.get(i)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.end..b.start)
                .is_some_and(|g| g.contains('(')),
            _ => false,
        }
    }

    /// Could this word be part of a name?
    fn nameish(&self, w: &Word) -> bool {
        if self.eg.is_not_name(&w.norm)
            || self.eg.is_org_word(&w.norm)
            || has(&self.g.determiners, w)
            || has(&self.g.genitives, w)
            || has(&self.g.common_nouns, w)
            || w.norm.chars().all(char::is_numeric)
        {
            return false;
        }
        if self.english {
            let raw = self.text.get(w.start..w.end).unwrap_or("");
            let hyphenated = self.text.get(..w.start).is_some_and(|b| b.ends_with('-'));
            return hyphenated || raw.chars().next().is_some_and(char::is_uppercase);
        }
        // Hindi plural oblique nouns (विशेषज्ञों, अधिकारियों, अभियोक्ताओं) are descriptions.
        !(w.norm.ends_with("ों") || w.norm.ends_with("ओं"))
    }

    /// Every frame and stand-alone cue of one sentence.
    pub fn sentence(&self, ws: &[Word], sentence: usize, sent: Span) -> (Vec<Frame>, Vec<Cue>) {
        let mut frames = Vec::new();
        let mut cues = Vec::new();
        // Words already read as chain cues (one flag per word: no search per cue).
        let mut used_cues: Vec<bool> = vec![false; ws.len()];
        let mut i = 0;
        while i < ws.len() {
            if !self.g.frame_starts.contains(&ws[i].norm) {
                i += 1;
                continue;
            }
            // "X का कहना है कि"
            if let Some((n, _)) = words::longest_at(ws, i, &self.g.genitive_frames, self.text) {
                let agent = self.np_before(ws, i);
                let mut f = self.frame(ws, sentence, sent, agent, i, i + n);
                f.start = f.agent.as_ref().map_or(ws[i].start, |a| a.span.start);
                frames.push(f);
                i += n;
                continue;
            }
            // "रिपोर्ट में कहा गया है कि"
            if let Some((n, _)) = words::longest_at(ws, i, &self.g.passive_frames, self.text) {
                // "आदेश में कहा गया": a document, never a person's name.
                let agent = match i.checked_sub(1).and_then(|k| ws.get(k)) {
                    Some(w) if has(&self.g.passive_locus, w) => {
                        self.np_before(ws, i - 1).map(|np| Np {
                            head: np.span,
                            title: None,
                            kind: NpKind::Descriptive,
                            ..np
                        })
                    }
                    _ => None,
                };
                let mut f = self.frame(ws, sentence, sent, agent, i, i + n);
                f.start = f.agent.as_ref().map_or(ws[i].start, |a| a.span.start);
                frames.push(f);
                i += n;
                continue;
            }
            if let Some((n, _)) = words::longest_at(ws, i, &self.g.verbs, self.text) {
                let (agent, agent_word) = self.agent_of(ws, i);
                // Chain and statement cues are read back to the agent, or at most as far as the
                // agent itself is looked for: a verb never scans its whole sentence.
                let lo = agent_word.map_or(i.saturating_sub(AGENT_LOOKBACK), |k| k + 1);
                // Chain cues between the agent and the verb.
                let mut chain = Vec::new();
                let mut k = if self.english { i } else { lo };
                // English: "Yonhap reported, citing KCNA" — the cue follows the verb.
                if self.english {
                    let c = i + n;
                    if let Some((m, _)) = words::longest_at(ws, c, &self.g.chain_cues, self.text)
                        && let Some(src) = self.np_after(ws, c + m)
                    {
                        chain.push((Span::new(ws[c].start, ws[c + m - 1].end), src));
                        used_cues[c] = true;
                    }
                }
                while k < i {
                    if let Some((m, _)) = words::longest_at(ws, k, &self.g.chain_cues, self.text) {
                        if let Some(src) = self
                            .np_before(ws, k)
                            .filter(|s| s.span.start >= ws[lo].start)
                        {
                            chain.push((Span::new(ws[k].start, ws[k + m - 1].end), src));
                            used_cues[k] = true;
                        }
                        k += m;
                    } else {
                        k += 1;
                    }
                }
                let statement = (lo..i).find_map(|k| {
                    words::longest_at(ws, k, &self.g.statement_cues, self.text)
                        .map(|(m, _)| Span::new(ws[k].start, ws[k + m - 1].end))
                });
                let mut agent = agent;
                // English inversion: "…,” said Lavrov. (Only after a comma or closing mark, and
                // only a name or description that starts right after the verb.)
                let before_gap = i
                    .checked_sub(1)
                    .and_then(|k| self.text.get(ws[k].end..ws[i].start))
                    .unwrap_or("");
                let after_gap = ws
                    .get(i + n)
                    .and_then(|w| self.text.get(ws[i + n - 1].end..w.start))
                    .unwrap_or("");
                if agent.is_none()
                    && self.english
                    && before_gap.contains([',', '"', '”', '\'', '’'])
                    && after_gap.chars().all(char::is_whitespace)
                    && words::longest_at(ws, i, &self.g.inverted_verbs, self.text).is_some()
                {
                    // A name or a description of two words or more ("said one woman"), never a
                    // pronoun, which would be the subject of the reported clause ("said he's …").
                    agent = self.np_after(ws, i + n).filter(|np| match np.kind {
                        NpKind::Name => true,
                        NpKind::Descriptive => {
                            np.span.slice(self.text).split_whitespace().count() > 1
                        }
                        NpKind::Pronoun { .. } => false,
                    });
                }
                // No agent: the cited source speaks ("… के हवाले से बताया है कि").
                if agent.is_none() {
                    agent = chain.first().map(|(_, s)| s.clone());
                    if agent.is_some() {
                        chain.remove(0);
                    }
                }
                let mut f = self.frame(ws, sentence, sent, agent, i, i + n);
                f.start = f
                    .agent
                    .as_ref()
                    .map_or(ws[i].start, |a| a.span.start.min(ws[i].start));
                let verb_text = f.verb.slice(self.text).to_string();
                let attr_verb =
                    words::longest_at(ws, i, &self.g.attribution_verbs, self.text).is_some();
                let marker = agent_word
                    .and_then(|k| ws.get(k))
                    .filter(|w| has(&self.g.agent_markers, w))
                    .map(|w| format!("{} ", w.span().slice(self.text)))
                    .unwrap_or_default();
                f.attribution = if let Some((cue, _)) = chain.first() {
                    Some(cue.slice(self.text).to_string())
                } else if let Some(st) = statement {
                    Some(format!("{marker}{} {verb_text}", st.slice(self.text)))
                } else if attr_verb {
                    Some(format!("{marker}{verb_text}"))
                } else {
                    None
                };
                f.chain = chain;
                frames.push(f);
                i += n;
                continue;
            }
            i += 1;
        }
        // Stand-alone cues: "केसीएनए के अनुसार", "according to KCNA".
        let mut k = 0;
        while k < ws.len() {
            if !used_cues[k] && self.g.cue_starts.contains(&ws[k].norm) {
                if let Some((m, _)) = words::longest_at(ws, k, &self.g.cues_after_source, self.text)
                {
                    if let Some(src) = self.np_before(ws, k) {
                        cues.push(Cue {
                            sentence,
                            cue: Span::new(ws[k].start, ws[k + m - 1].end),
                            source: src,
                        });
                    }
                    k += m;
                    continue;
                }
                // "without citing evidence" names no source.
                let negated = k
                    .checked_sub(1)
                    .and_then(|j| ws.get(j))
                    .is_some_and(|w| has(&self.g.negations, w));
                if let Some((m, _)) =
                    words::longest_at(ws, k, &self.g.cues_before_source, self.text)
                        .filter(|_| !negated)
                {
                    if let Some(src) = self.source_after(ws, k + m) {
                        cues.push(Cue {
                            sentence,
                            cue: Span::new(ws[k].start, ws[k + m - 1].end),
                            source: src,
                        });
                    }
                    k += m;
                    continue;
                }
            }
            k += 1;
        }
        (frames, cues)
    }

    /// The agent of the verb at word `v`: the ने-phrase or fused pronoun read back (Hindi), or
    /// the subject right before the verb (English). Also the index of the marker word.
    fn agent_of(&self, ws: &[Word], v: usize) -> (Option<Np>, Option<usize>) {
        if self.english {
            // Skip adverbs of manner that sit between subject and verb: "Lavrov also said".
            let mut e = v;
            while e > 0 && has(&self.g.auxiliaries, &ws[e - 1]) && e + 3 > v {
                e -= 1;
            }
            if e == 0 {
                return (None, None);
            }
            if !self.np_joined(&ws[e - 1], &ws[e]) {
                return (self.apposed(ws, e), None);
            }
            let np = self.np_before(ws, e);
            return (np, e.checked_sub(1));
        }
        // Present tense ("विशेषज्ञ कहते हैं कि"): the subject stands right before the verb.
        if words::longest_at(ws, v, &self.g.present_verbs, self.text).is_some() {
            let np = v
                .checked_sub(1)
                .filter(|&k| self.np_joined(&ws[k], &ws[v]))
                .and_then(|_| self.np_before(ws, v));
            return (np, v.checked_sub(1));
        }
        let lo = v.saturating_sub(AGENT_LOOKBACK);
        for j in (lo..v).rev() {
            let w = &ws[j];
            if has(&self.g.complementizers, w) {
                break;
            }
            if has(&self.g.agent_pronouns, w) {
                return (self.pronoun(w), Some(j));
            }
            if has(&self.g.agent_markers, w) {
                return (self.np_before(ws, j), Some(j));
            }
        }
        (None, None)
    }

    /// English apposition: "Paul Barreira, professor of psychiatry at Harvard, said" — the name
    /// before the comma that opens the apposition, which the verb's comma closes.
    fn apposed(&self, ws: &[Word], e: usize) -> Option<Np> {
        let closing = self.text.get(ws[e - 1].end..ws[e].start)?;
        if closing.trim() != "," {
            return None;
        }
        // "Ms Davis, aged 45, who lives in Lydney, said": try each earlier comma in turn.
        let lo = e.saturating_sub(25);
        let mut commas = 0;
        for k in (lo + 1..e).rev() {
            let gap = self.text.get(ws[k - 1].end..ws[k].start)?;
            if gap.contains(['.', '"', '“', '”', ';', ':'])
                && !words::dotted(self.text, &ws[k - 1], &ws[k])
            {
                return None;
            }
            if gap.trim() == "," {
                if let Some(np) = self.np_before(ws, k).filter(|np| np.kind == NpKind::Name) {
                    return Some(np);
                }
                commas += 1;
                if commas == 3 {
                    return None;
                }
            }
        }
        None
    }

    /// Read what follows frame words `[v, after)`: content and kind.
    fn frame(
        &self,
        ws: &[Word],
        sentence: usize,
        sent: Span,
        agent: Option<Np>,
        v: usize,
        after: usize,
    ) -> Frame {
        let verb = Span::new(ws[v].start, ws[after - 1].end);
        let mut f = Frame {
            sentence,
            agent,
            verb,
            content: None,
            kind: None,
            trailing: false,
            chain: Vec::new(),
            attribution: None,
            start: verb.start,
        };
        // Skip auxiliaries (है, था; English adverbials are few words) up to a complementizer.
        let mut k = after;
        let limit = after + if self.english { 4 } else { 2 };
        let mut comp = None;
        let mut j = after;
        while j < ws.len() && j <= limit {
            if j > after && !words::joined(self.text, &ws[j - 1], &ws[j]) && !self.english {
                break;
            }
            if has(&self.g.complementizers, &ws[j]) {
                comp = Some(j);
                break;
            }
            if !has(&self.g.auxiliaries, &ws[j]) && !self.english {
                break;
            }
            j += 1;
        }
        while k < ws.len()
            && has(&self.g.auxiliaries, &ws[k])
            && words::joined(self.text, &ws[k - 1], &ws[k])
        {
            k += 1;
        }
        let end_of_words = ws.get(k - 1).map_or(verb.end, |w| w.end);
        let content_end = trim_end(self.text, sent);
        if let Some(c) = comp {
            let start = self
                .text
                .get(ws[c].end..)
                .map_or(ws[c].end, |r| ws[c].end + (r.len() - r.trim_start().len()));
            if start < content_end {
                f.content = Some(Span::new(start, content_end));
                f.kind = Some(QuoteKind::Indirect);
            }
            return f;
        }
        let gap_after = ws
            .get(k)
            .and_then(|w| self.text.get(end_of_words..w.start))
            .unwrap_or_else(|| self.text.get(end_of_words..sent.end).unwrap_or(""));
        let rest_is_empty = self.text.get(end_of_words..sent.end).is_none_or(|r| {
            !r.chars().any(words::is_word_char) && !r.contains(['“', '"', '‘', '«'])
        });
        // English "…,” X told Bloomberg News.": an addressee, then the end.
        let addressee_then_end = self.english
            && self.np_after(ws, k).is_some_and(|np| {
                // A name ("told Bloomberg News.") or a short description ("told reporters."),
                // not a clause read as a phrase ("said the delays could cost jobs.").
                let short = np.span.slice(self.text).split_whitespace().count() <= 3;
                (np.kind == NpKind::Name || short)
                    && self
                        .text
                        .get(np.span.end..sent.end)
                        .is_some_and(|r| !r.chars().any(words::is_word_char))
            });
        if rest_is_empty || addressee_then_end {
            f.trailing = true;
            return f;
        }
        if (gap_after.contains(',') || gap_after.contains(':'))
            && words::longest_at(ws, v, &self.g.unmarked_verbs, self.text).is_some()
            && !ws.get(k).is_some_and(|w| has(&self.g.clause_openers, w))
        {
            let start = ws.get(k).map_or(content_end, |w| w.start);
            // A quote mark right after the comma belongs to the content.
            let start = self
                .text
                .get(end_of_words..start)
                .and_then(|g| g.find(['“', '"', '‘', '«']).map(|p| end_of_words + p))
                .unwrap_or(start);
            if start < content_end {
                f.content = Some(Span::new(start, content_end));
                f.kind = Some(QuoteKind::Unmarked);
            }
            return f;
        }
        // English "X said the talks failed": a clause right after the verb.
        if self.english
            && words::joined(
                self.text,
                &ws[after - 1],
                ws.get(after).unwrap_or(&ws[after - 1]),
            )
            && ws
                .get(after)
                .is_some_and(|w| !has(&self.g.clause_openers, w))
            && words::longest_at(ws, v, &self.g.unmarked_verbs, self.text).is_some()
        {
            let start = ws[after].start;
            if start < content_end {
                f.content = Some(Span::new(start, content_end));
                f.kind = Some(QuoteKind::Indirect);
            }
        }
        f
    }
}

/// The end of a sentence without its terminator and closing spaces.
pub fn trim_end(text: &str, sent: Span) -> usize {
    let s = sent.slice(text);
    let t =
        s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '।' | '.' | '॥' | '!' | '?'));
    sent.start + t.len()
}
