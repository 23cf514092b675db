//! Speech: quotations, their speakers, and the attributions that say per whom we heard them.
//!
//! One pass over a document's body builds everything the quote, attribution and entity
//! extractors report, because they depend on each other: a quote's speaker is an entity, a
//! pronoun speaker is resolved through earlier named agents, and a quote carries the attribution
//! chain of its sentence. [`analyze`] is that pass; `quote::extract`, `attribution::extract` and
//! `entity::extract` each take their part of it (the pass is cheap next to loading, and this keeps
//! the pipeline's stage functions as they are).
//!
//! Steps: words per sentence → frames (reporting verbs with agent and content) and cues
//! (के अनुसार, according to) → entity mentions clustered into an index → quote marks paired →
//! attributions → quotes (marked ones classified; indirect and unmarked from frames) with
//! speakers, pronouns resolved to the most recent named person agent within three sentences.

pub mod frames;
pub mod grammar;
pub mod marks;
pub mod words;

use crate::claim::{Attribution, Claim, ClaimKind, Mention, Quote, QuoteKind, SourceRef};
use crate::document::{Lang, chrome};
use crate::extract::ExtractCtx;
use crate::extract::entity::{self, Index, Kind, RawMention};
use crate::finding::Finding;
use crate::span::Span;

use frames::{Cue, Frame, Np, NpKind, Reader};

/// Everything the speech pass found in one document.
#[derive(Debug, Default)]
pub struct Speech {
    /// Quote claims.
    pub quotes: Vec<Claim>,
    /// Attribution claims.
    pub attributions: Vec<Claim>,
    /// Unbalanced quote marks.
    pub findings: Vec<Finding>,
    /// Entity mentions (alias matches, names after titles, speakers and sources).
    pub mentions: Vec<RawMention>,
}

/// An attribution before it becomes a claim.
struct Attr {
    sentence: usize,
    span: Span,
    cue: String,
    source: Mention,
    via: Vec<SourceRef>,
    frame: Option<usize>,
}

/// Sentences per window for pronoun antecedents.
const ANTECEDENT_WINDOW: usize = 3;

/// Reporting frames read per sentence; a real sentence has one to three. More (a sentence of
/// "he said he said …") are not read, so that claims per sentence stay bounded.
pub const MAX_FRAMES_PER_SENTENCE: usize = 8;
/// Stand-alone attribution cues read per sentence.
pub const MAX_CUES_PER_SENTENCE: usize = 8;
/// Sources listed on one quote.
pub const MAX_SOURCES: usize = 8;
/// Unbalanced quote marks reported one by one; the rest are counted in one finding.
pub const MAX_UNBALANCED_FINDINGS: usize = 64;
/// Bytes between a closing quote mark and a trailing frame ("…,” he said) at most.
const TRAILING_GAP_BYTES: usize = 400;
/// Sentences back from a quote mark in which a frame's content may open around it.
const AROUND_SENTENCES: usize = 16;

/// Run the speech pass over a document.
pub fn analyze(ctx: &ExtractCtx) -> Speech {
    let text = ctx.text;
    let g = ctx.grammars.speech.for_lang(ctx.lang);
    let eg = &ctx.grammars.entity;
    let reader = Reader {
        text,
        g,
        eg,
        english: ctx.lang == Lang::En,
    };

    // Quote marks.
    let lines: Vec<Span> = chrome::lines(text)
        .into_iter()
        .filter(|l| !chrome::is_chrome(ctx.chrome, *l))
        .collect();
    let pairing = marks::pair(text, &lines);
    let mut limits = Limits::default();
    if let Some(first) = pairing.overflow.first() {
        limits.note(
            *first,
            format!(
                "{} quote marks opened while {} were already open in their paragraph: \
                 not paired, reported as unbalanced",
                pairing.overflow.len(),
                marks::MAX_OPEN
            ),
        );
    }
    if let Some(first) = pairing.too_long.first() {
        limits.note(
            first.outer(),
            format!(
                "{} pairs of quote marks more than {} bytes apart not read as quotations \
                 (their marks are reported as unbalanced)",
                pairing.too_long.len(),
                marks::MAX_QUOTE_BYTES
            ),
        );
    }
    if let Some(s) = pairing.unbalanced.get(MAX_UNBALANCED_FINDINGS) {
        limits.note(
            *s,
            format!(
                "{} more unbalanced quote marks from here on are not listed one by one \
                 (the first {MAX_UNBALANCED_FINDINGS} are)",
                pairing.unbalanced.len() - MAX_UNBALANCED_FINDINGS
            ),
        );
    }
    let mut findings: Vec<Finding> = pairing
        .unbalanced
        .iter()
        .take(MAX_UNBALANCED_FINDINGS)
        .filter_map(|s| {
            let code = crate::extract::quote::CODES.first()?;
            Some(Finding::new(
                code,
                *s,
                format!("quote mark {} has no partner", s.slice(text)),
            ))
        })
        .collect();
    let pairs = pairing.pairs;

    // Frames, cues and ने-agents per body sentence.
    let mut frames: Vec<Frame> = Vec::new();
    let mut cues: Vec<Cue> = Vec::new();
    let mut agents: Vec<(usize, Np)> = Vec::new();
    // Words of each body sentence, read once for frames, cues and entity mentions.
    let body: Vec<(&crate::document::Sentence, Vec<words::Word>)> = ctx
        .body()
        .map(|s| (s, words::words(text, s.span())))
        .collect();
    let mut cut_frames = (0usize, None::<Span>);
    let mut cut_cues = (0usize, None::<Span>);
    for (s, ws) in &body {
        let (mut f, mut c) = reader.sentence(ws, s.index, s.span());
        if f.len() > MAX_FRAMES_PER_SENTENCE {
            cut_frames.0 += f.len() - MAX_FRAMES_PER_SENTENCE;
            cut_frames.1.get_or_insert(f[MAX_FRAMES_PER_SENTENCE].verb);
            f.truncate(MAX_FRAMES_PER_SENTENCE);
        }
        if c.len() > MAX_CUES_PER_SENTENCE {
            cut_cues.0 += c.len() - MAX_CUES_PER_SENTENCE;
            cut_cues.1.get_or_insert(c[MAX_CUES_PER_SENTENCE].cue);
            c.truncate(MAX_CUES_PER_SENTENCE);
        }
        frames.extend(f);
        cues.extend(c);
        for (j, w) in ws.iter().enumerate() {
            if grammar::LangSpeech::has(&g.agent_markers, &w.norm)
                && let Some(np) = reader.np_before(ws, j)
            {
                agents.push((s.index, np));
            }
        }
    }
    if let (n, Some(at)) = cut_frames {
        limits.note(
            at,
            format!(
                "{n} reporting verbs beyond {MAX_FRAMES_PER_SENTENCE} per sentence not read as speech"
            ),
        );
    }
    if let (n, Some(at)) = cut_cues {
        limits.note(
            at,
            format!("{n} attribution cues beyond {MAX_CUES_PER_SENTENCE} per sentence not read"),
        );
    }
    // Frames inside quote marks are the quoted speaker's own words, not the article's report.
    // Pairs are sorted by opening mark, so the inner spans that start at or before a position
    // are a prefix; the furthest end among them decides (one binary search per question).
    let inner_reach: Vec<usize> = pairs
        .iter()
        .scan(0usize, |m, p| {
            *m = (*m).max(p.inner().end);
            Some(*m)
        })
        .collect();
    let quoted = |s: Span| {
        let k = pairs.partition_point(|p| p.inner().start <= s.start);
        k > 0 && inner_reach[k - 1] >= s.end
    };
    frames.retain(|f| !quoted(f.verb));
    cues.retain(|c| !quoted(c.cue));
    agents.retain(|(_, np)| !quoted(np.span));
    for f in &frames {
        if let Some(a) = &f.agent {
            agents.push((f.sentence, a.clone()));
        }
    }
    agents.sort_by_key(|(_, np)| np.span);
    agents.dedup_by_key(|(_, np)| np.span);

    // Entity mentions and their index.
    let mut mentions = entity::scan_words(ctx, body.iter().map(|(_, ws)| ws.as_slice()));
    let add_np = |np: &Np, mentions: &mut Vec<RawMention>| {
        if np.kind != NpKind::Name {
            return;
        }
        let head = np.head.slice(text);
        let known = eg.lookup(head);
        let kind = known.and_then(|k| eg.known(k)).map_or_else(
            || {
                if words::phrase(np.span.slice(text))
                    .iter()
                    .any(|w| eg.is_org_word(w))
                    && np.title.is_none()
                {
                    Kind::Organisation
                } else {
                    Kind::Person
                }
            },
            |k| k.kind,
        );
        mentions.push(RawMention {
            span: np.head,
            known,
            kind,
        });
    };
    for (_, np) in &agents {
        add_np(np, &mut mentions);
    }
    for f in &frames {
        for (_, np) in &f.chain {
            add_np(np, &mut mentions);
        }
    }
    for c in &cues {
        add_np(&c.source, &mut mentions);
    }
    let credits = credits(ctx);
    for (_, _, src) in &credits {
        if let Some(k) = eg.lookup(src.slice(text)) {
            mentions.push(RawMention {
                span: *src,
                known: Some(k),
                kind: eg.known(k).map_or(Kind::Organisation, |k| k.kind),
            });
        }
    }
    let index = Index::build(text, eg, &mentions);
    if let Some(note) = index.limit() {
        limits.note(Span::new(0, 0), note);
    }

    let mention = |np: &Np| -> Mention {
        let entity = match np.kind {
            NpKind::Name => index.entity_at(np.head).map(|(n, _)| n.to_string()),
            NpKind::Descriptive => eg
                .lookup(np.head.slice(text))
                .and_then(|k| eg.known(k))
                .map(|k| k.name.clone())
                .or_else(|| {
                    // "राज्य-आर टास न्यूज सर्विस": an organisation named inside an organisation phrase.
                    let org = words::phrase(np.head.slice(text))
                        .iter()
                        .any(|w| eg.is_org_word(w));
                    index
                        .entity_at(np.head)
                        .filter(|(_, k)| org && *k == Kind::Organisation)
                        .map(|(n, _)| n.to_string())
                }),
            NpKind::Pronoun { .. } => None,
        };
        Mention {
            text: np.head.slice(text).to_string(),
            entity,
            start: np.head.start,
            end: np.head.end,
            title: np.title.map(|t| t.slice(text).to_string()),
        }
    };
    // Person antecedents in text order.
    // Agents in text order: a named person (Some), or a description that may be a person
    // ("रूसी मंत्री", "the official": None). Organisations and places are skipped.
    let antecedents: Vec<(usize, usize, Option<String>)> = agents
        .iter()
        .filter_map(|(s, np)| match np.kind {
            NpKind::Name => {
                let (name, kind) = index.entity_at(np.head)?;
                (kind == Kind::Person).then(|| (np.span.start, *s, Some(name.to_string())))
            }
            NpKind::Descriptive => {
                let ws = words::phrase(np.span.slice(text));
                let org = ws.iter().any(|w| eg.is_org_word(w))
                    || eg.lookup(np.span.slice(text)).is_some();
                (!org).then_some((np.span.start, *s, None))
            }
            NpKind::Pronoun { .. } => None,
        })
        .collect();
    let sentence_of = |pos: usize| -> usize {
        let i = ctx.sentences.partition_point(|s| s.end <= pos);
        ctx.sentences
            .get(i)
            .map_or(i.saturating_sub(1), |s| s.index)
    };
    let speaker = |np: &Np, sentence: usize| -> (Mention, bool) {
        let mut m = mention(np);
        match np.kind {
            NpKind::Pronoun { person: true } => {
                // The most recent named person who spoke or acted (an agent); failing that,
                // the most recent named person mentioned, in the last three sentences.
                // The most recent agent decides; a described agent ("रूसी मंत्री ने") leaves
                // the pronoun unresolved rather than guessing a name mentioned in passing.
                // Antecedents are in text order, so sentence order: only the last one before
                // the pronoun can be inside the window.
                let before = antecedents.partition_point(|(pos, _, _)| *pos < np.span.start);
                let agent = before
                    .checked_sub(1)
                    .and_then(|k| antecedents.get(k))
                    .filter(|(_, s, _)| s + ANTECEDENT_WINDOW >= sentence);
                let found = match agent {
                    Some((_, _, name)) => name.clone(),
                    None => index
                        .person_before(np.span.start, |start| {
                            sentence_of(start) + ANTECEDENT_WINDOW >= sentence
                        })
                        .map(str::to_string),
                };
                m.entity = found;
                let ok = m.entity.is_some();
                (m, ok)
            }
            NpKind::Pronoun { person: false } => (m, false),
            _ => (m, true),
        }
    };

    // Attributions.
    let mut attrs: Vec<Attr> = Vec::new();
    for (fi, f) in frames.iter().enumerate() {
        let Some(a) = &f.agent else { continue };
        let media = index
            .entity_at(a.head)
            .and_then(|(n, _)| eg.lookup(n))
            .and_then(|k| eg.known(k))
            .is_some_and(|k| k.media);
        let cue = match (&f.attribution, media) {
            (Some(c), _) => c.clone(),
            (None, true) => f.verb.slice(text).to_string(),
            (None, false) => continue,
        };
        let (src, ok) = speaker(a, f.sentence);
        if !ok {
            continue;
        }
        attrs.push(Attr {
            sentence: f.sentence,
            span: Span::new(f.start.min(a.span.start), f.verb.end),
            cue,
            source: src,
            via: f
                .chain
                .iter()
                .map(|(_, np)| source_ref(&mention(np)))
                .collect(),
            frame: Some(fi),
        });
    }
    for c in &cues {
        let (src, ok) = speaker(&c.source, c.sentence);
        if !ok {
            continue;
        }
        attrs.push(Attr {
            sentence: c.sentence,
            span: Span::new(
                c.source.span.start.min(c.cue.start),
                c.source.span.end.max(c.cue.end),
            ),
            cue: c.cue.slice(text).to_string(),
            source: src,
            via: Vec::new(),
            frame: None,
        });
    }
    for (sentence, span, src) in &credits {
        let s = src.slice(text);
        attrs.push(Attr {
            sentence: *sentence,
            span: *span,
            cue: "credit".to_string(),
            source: Mention {
                text: s.to_string(),
                entity: eg
                    .lookup(s)
                    .and_then(|k| eg.known(k))
                    .map(|k| k.name.clone()),
                start: src.start,
                end: src.end,
                title: None,
            },
            via: Vec::new(),
            frame: None,
        });
    }
    attrs.sort_by_key(|a| (a.span.start, a.span.end));
    // Attributions of each sentence (indices in `attrs` order), so a quote reads only its own.
    let mut attrs_of: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, a) in attrs.iter().enumerate() {
        attrs_of.entry(a.sentence).or_default().push(i);
    }

    let chain_for = |sentences: &[usize], own: Option<usize>| -> Vec<SourceRef> {
        let mut ids: Vec<usize> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        for s in sentences {
            if !seen.contains(s) {
                seen.push(*s);
                ids.extend(attrs_of.get(s).into_iter().flatten());
            }
        }
        ids.sort_unstable();
        let mut out: Vec<SourceRef> = Vec::new();
        for a in ids
            .into_iter()
            .filter_map(|i| attrs.get(i))
            .filter(|a| a.cue != "credit")
        {
            if own.is_some() && a.frame == own {
                continue;
            }
            for r in std::iter::once(source_ref(&a.source)).chain(a.via.iter().cloned()) {
                if out.len() >= MAX_SOURCES {
                    return out;
                }
                if !out
                    .iter()
                    .any(|o| o.text == r.text || (o.entity.is_some() && o.entity == r.entity))
                {
                    out.push(r);
                }
            }
        }
        out
    };

    // Content of frames, extended over a quote that opens inside and closes after it.
    let contents: Vec<Option<Span>> = frames
        .iter()
        .map(|f| {
            f.content.map(|c| {
                // Pairs are sorted by opening mark: only those opening inside the content
                // (which may grow as a pair extends it) are read.
                let mut c = c;
                let first = pairs.partition_point(|p| p.open.start < c.start);
                for p in pairs.get(first..).unwrap_or(&[]) {
                    if p.open.start >= c.end {
                        break;
                    }
                    if p.close.end > c.end {
                        c.end = p.close.end;
                    }
                }
                c
            })
        })
        .collect();

    // Speakers of marked quotes: a trailing frame right after, or the innermost frame around.
    let mut quotes: Vec<Claim> = Vec::new();
    let mut claimed_trailing: Vec<bool> = vec![false; frames.len()];
    // Frames are in sentence order: the frames of sentences `lo..=hi` are one range.
    let frames_in = |lo: usize, hi: usize| -> std::ops::Range<usize> {
        let a = frames.partition_point(|f| f.sentence < lo);
        let b = frames.partition_point(|f| f.sentence <= hi);
        a..b.max(a)
    };
    for p in &pairs {
        let outer = p.outer();
        // A trailing frame after the closing mark, with no sentence end or other quote between
        // (a description may precede the name: "…,” Ukraine's intelligence chief X said").
        // Only frames of the closing mark's sentence and the next two can be that close.
        let sc = sentence_of(p.close.start);
        let near = frames_in(sc, sc + 2);
        let trailing = frames[near.clone()].iter().position(|f| {
            let start = f
                .agent
                .as_ref()
                .map_or(f.verb.start, |a| a.span.start.min(f.verb.start));
            // The verb need not end the sentence: "“…,” he said, while …", "“…,” he told the crowd".
            f.agent.is_some()
                && f.content.is_none_or(|c| c.start >= p.close.end)
                && start >= p.close.end
                && start - p.close.end <= TRAILING_GAP_BYTES
                && text.get(p.close.end..start).is_some_and(|g| {
                    !g.contains([
                        '।', '.', '?', '!', '“', '”', '"', '‘', '’', '«', '»', '\n', '\r',
                    ]) && g.split_whitespace().count() <= 8
                })
        });
        let trailing = trailing.map(|i| near.start + i);
        let so = sentence_of(outer.start);
        let around = frames_in(so.saturating_sub(AROUND_SENTENCES), so)
            .map(|i| (i, &frames[i]))
            .filter(|(i, _)| {
                contents[*i].is_some_and(|c| c.contains(Span::new(outer.start, outer.start)))
            })
            .max_by_key(|(i, _)| contents[*i].map(|c| c.start))
            .map(|(i, _)| i);
        // Else a frame earlier in the same sentence that names an agent ("लावरोव ने … का हवाला
        // दिया – … “अजेय भाईचारे” …").
        let same = || {
            let sentence = sentence_of(outer.start);
            // The nearest agent before the quote, its verb before or after it ("…, जहां
            // उन्होंने … "कल्याण और शांति" … की कामना की").
            frames_in(sentence, sentence)
                .map(|i| (i, &frames[i]))
                .filter(|(_, f)| {
                    f.sentence == sentence
                        && f.agent.as_ref().is_some_and(|a| a.span.end <= outer.start)
                })
                .max_by_key(|(_, f)| f.agent.as_ref().map(|a| a.span.start))
                .map(|(i, _)| i)
        };
        // Else a quote that opens its sentence after a sentence ending in a reporting verb
        // ("गिलानी ने कहा:\n“…”", "He said: “…”").
        let previous = || {
            let sentence = sentence_of(outer.start);
            let sent = ctx.sentences.get(sentence)?;
            let lead = text.get(sent.start..outer.start)?;
            if lead.chars().any(words::is_word_char) {
                return None;
            }
            let prev = sentence.checked_sub(1)?;
            frames_in(prev, prev)
                .map(|i| (i, &frames[i]))
                .filter(|(_, f)| {
                    f.agent.is_some()
                        && f.content.is_none()
                        && f.sentence + 1 == sentence
                        && ctx.sentences.get(f.sentence).is_some_and(|ps| {
                            text.get(f.verb.end..ps.end)
                                .is_some_and(|r| !r.chars().any(words::is_word_char))
                        })
                })
                .map(|(i, _)| i)
                .next_back()
        };
        let fi = trailing.or(around).or_else(same).or_else(previous);
        if let Some(t) = trailing.and_then(|t| claimed_trailing.get_mut(t)) {
            *t = true;
        }
        let inner = p.inner();
        let inner_text = inner.slice(text).trim();
        let nwords = words::count(text, inner, 4);
        if nwords == 0 {
            continue;
        }
        let before = text.get(..outer.start).unwrap_or("");
        let after = text.get(outer.end..).unwrap_or("");
        let line = lines
            .get(lines.partition_point(|l| l.end < outer.start))
            .filter(|l| l.contains(Span::new(outer.start, outer.start)));
        let sentence = sentence_of(outer.start);
        let headline = line.is_some_and(|l| {
            let lt = l
                .slice(text)
                .trim_end()
                .trim_end_matches(['"', '\'', '”', '’', '»']);
            !lt.ends_with(['।', '.', '?', '!', '॥']) && words::count(text, *l, 26) <= 25
        }) && around.is_none();
        let label =
            ends_with_phrase(before, &g.label_before) || starts_with_phrase(after, &g.label_after);
        let terminal = inner_text.ends_with(['।', '.', '?', '!', ',', '॥', '…', ';']);
        let intro = before.trim_end().ends_with(':')
            || around.is_some_and(|i| {
                contents[i].is_some_and(|c| {
                    words::count(text, Span::new(c.start, outer.start.max(c.start)), 2) <= 1
                })
            })
            || before.trim_end().ends_with(['\n'])
            || before.trim_end().is_empty();
        let kind = if label || (headline && trailing.is_none()) {
            QuoteKind::Scare
        } else if (terminal && nwords >= 3) || (nwords >= 4 && (trailing.is_some() || intro)) {
            QuoteKind::Direct
        } else {
            QuoteKind::Fragment
        };
        let (spk, resolved) = match fi
            .and_then(|i| frames.get(i))
            .and_then(|f| f.agent.as_ref().map(|a| (a, f.sentence)))
        {
            Some((a, s)) => {
                let (m, ok) = speaker(a, s);
                (Some(m), ok)
            }
            None => (None, false),
        };
        let mut ss = vec![sentence, sentence_of(p.close.start)];
        if let Some(f) = fi.and_then(|i| frames.get(i)) {
            ss.push(f.sentence);
        }
        let source = chain_for(&ss, None)
            .into_iter()
            .filter(|r| {
                spk.as_ref()
                    .is_none_or(|s| s.entity.is_none() || s.entity != r.entity)
            })
            .collect();
        quotes.push(Claim::new(
            text,
            outer,
            sentence,
            ClaimKind::Quote(Quote {
                quote: kind,
                content: inner,
                speaker: spk,
                speaker_resolved: resolved,
                source,
            }),
        ));
    }

    // Indirect and unmarked speech from frames.
    for (fi, f) in frames.iter().enumerate() {
        let (content, kind, span) = if let (Some(c), Some(k)) = (contents[fi], f.kind) {
            let first = pairs.partition_point(|p| p.open.start < c.start);
            let covered: usize = pairs
                .get(first..)
                .unwrap_or(&[])
                .iter()
                .take_while(|p| p.open.start < c.end)
                .filter(|p| c.contains(p.outer()))
                .map(|p| p.outer().len())
                .sum();
            if covered * 10 >= c.len() * 6 {
                continue;
            }
            (c, k, Span::new(f.start, c.end))
        } else if f.trailing && !claimed_trailing.get(fi).copied().unwrap_or(false) {
            // "…, लावरोव ने कहा।": the clause before the comma.
            let Some(a) = f.agent.as_ref() else { continue };
            let Some(sent) = ctx
                .sentences
                .get(f.sentence)
                .filter(|s| s.index == f.sentence)
                .or_else(|| ctx.sentences.iter().find(|s| s.index == f.sentence))
            else {
                continue;
            };
            // The agent, or the verb when it comes first ("…, says the White House").
            let Some(before) = text.get(sent.start..a.span.start.min(f.verb.start)) else {
                continue;
            };
            let trimmed = before.trim_end();
            if !trimmed.ends_with(',') {
                continue;
            }
            // Skip a dateline that opens the sentence ("सियोल : …", "Seoul, Dec 1 (Reuters) -").
            let lead = dateline_len(trimmed);
            let c = Span::new(sent.start + lead, sent.start + trimmed.len() - 1);
            if words::count(text, c, 3) < 3 {
                continue;
            }
            (c, QuoteKind::Unmarked, Span::new(c.start, f.verb.end))
        } else {
            continue;
        };
        let (spk, resolved) = match &f.agent {
            Some(a) => {
                let (m, ok) = speaker(a, f.sentence);
                (Some(m), ok)
            }
            None => (None, false),
        };
        let source: Vec<SourceRef> = chain_for(&[f.sentence], Some(fi))
            .into_iter()
            .filter(|r| {
                spk.as_ref()
                    .is_none_or(|s| s.entity.is_none() || s.entity != r.entity)
            })
            .collect();
        let own_chain: Vec<SourceRef> = f
            .chain
            .iter()
            .map(|(_, np)| source_ref(&mention(np)))
            .collect();
        let mut src: Vec<SourceRef> = own_chain;
        for r in source {
            if !src.iter().any(|o| o.text == r.text) {
                src.push(r);
            }
        }
        quotes.push(Claim::new(
            text,
            span,
            sentence_of(span.start),
            ClaimKind::Quote(Quote {
                quote: kind,
                content,
                speaker: spk,
                speaker_resolved: resolved,
                source: src,
            }),
        ));
    }

    let attributions = attrs
        .into_iter()
        .map(|a| {
            Claim::new(
                text,
                a.span,
                a.sentence,
                ClaimKind::Attribution(Attribution {
                    cue: a.cue,
                    source: a.source,
                    via: a.via,
                }),
            )
        })
        .collect();
    findings.extend(limits.findings);
    Speech {
        quotes,
        attributions,
        findings,
        mentions,
    }
}

/// Limits that cut the analysis of one document, as findings that say what was cut.
#[derive(Default)]
struct Limits {
    findings: Vec<Finding>,
}

impl Limits {
    fn note(&mut self, at: Span, message: String) {
        self.findings.push(Finding::new(
            &crate::finding::document::LIMIT_REACHED,
            at,
            message,
        ));
    }
}

/// Bytes of a dateline at the start of `s`: up to a colon or dash after at most four words.
fn dateline_len(s: &str) -> usize {
    let head: String = s.chars().take(60).collect();
    let Some(p) = head.find([':', '—']).or_else(|| head.find(" - ")) else {
        return 0;
    };
    let before = &s[..p];
    if before.split_whitespace().count() > 4 || before.contains(['।', '.', '"', '“']) {
        return 0;
    }
    let rest = &s[p..];
    let skip = rest
        .char_indices()
        .find(|(_, c)| words::is_word_char(*c) || matches!(c, '"' | '“' | '‘' | '\''))
        .map_or(rest.len(), |(i, _)| i);
    p + skip
}

fn source_ref(m: &Mention) -> SourceRef {
    SourceRef {
        text: m.text.clone(),
        entity: m.entity.clone(),
    }
}

fn ends_with_phrase(before: &str, list: &grammar::Phrases) -> bool {
    let tail_ok = before
        .trim_end()
        .chars()
        .last()
        .is_some_and(words::is_word_char);
    if !tail_ok {
        return false;
    }
    let tail: Vec<String> = match before.get(before.len().saturating_sub(60)..) {
        Some(window) => words::phrase(window),
        // The cut falls inside a character: the whole text before counts, and its last words
        // (as many as the longest phrase) decide.
        None => words::last_words(before, list.iter().map(Vec::len).max().unwrap_or(0)),
    };
    list.iter().any(|p| tail.ends_with(p))
}

fn starts_with_phrase(after: &str, list: &grammar::Phrases) -> bool {
    let head: String = after.chars().take(40).collect();
    let ws = words::phrase(&head);
    let first_ok = after
        .trim_start()
        .chars()
        .next()
        .is_some_and(words::is_word_char);
    first_ok && list.iter().any(|p| ws.starts_with(p))
}

/// Agency credits: a line "(आईएएनएस)", a line ending "(Reuters)", or a dateline "सियोल, एजेंसी।".
/// Returns (sentence, span of the credit, span of the name).
fn credits(ctx: &ExtractCtx) -> Vec<(usize, Span, Span)> {
    let text = ctx.text;
    let g = ctx.grammars.speech.for_lang(ctx.lang);
    let mut out = Vec::new();
    let sentence_of = |pos: usize| -> usize {
        let i = ctx.sentences.partition_point(|s| s.end <= pos);
        ctx.sentences
            .get(i)
            .map_or(i.saturating_sub(1), |s| s.index)
    };
    for line in chrome::lines(text) {
        let l = line.slice(text);
        let t = l.trim_end().trim_end_matches(['।', '.']).trim_end();
        if t.ends_with(')')
            && let Some(open) = t.rfind('(')
        {
            {
                let inner = &t[open + 1..t.len() - 1];
                let p = words::phrase(inner);
                if !p.is_empty() && g.credits.contains(&p) {
                    let lead = inner.len() - inner.trim_start().len();
                    let s = line.start + open + 1 + lead;
                    let name = Span::new(s, s + inner.trim().len());
                    let credit = Span::new(line.start + open, line.start + t.len());
                    out.push((sentence_of(credit.start), credit, name));
                    continue;
                }
            }
        }
        // Dateline credit: "सियोल (दक्षिण कोरिया), एजेंसी।"
        let head_end = l.char_indices().nth(80).map_or(l.len(), |(i, _)| i);
        if let Some(comma) = l.get(..head_end).and_then(|h| h.find(',')) {
            let rest = &l[comma + 1..];
            if let Some(stop) = rest.find(['।', '.']) {
                let inner = &rest[..stop];
                let p = words::phrase(inner);
                if !p.is_empty() && p.len() <= 2 && g.credits.contains(&p) {
                    let lead = inner.len() - inner.trim_start().len();
                    let s = line.start + comma + 1 + lead;
                    let name = Span::new(s, s + inner.trim().len());
                    out.push((sentence_of(name.start), name, name));
                    continue;
                }
            }
        }
        // Wire dateline: "SEOUL, Dec 1 (Reuters) - …", "नई दिल्ली (भाषा) — …".
        let head = l.get(..head_end).unwrap_or("");
        if let (Some(open), Some(close)) = (head.find('('), head.find(')'))
            && open < close
            && head[close + 1..]
                .trim_start()
                .starts_with(['-', '—', '–', ':'])
        {
            let inner = &head[open + 1..close];
            let p = words::phrase(inner);
            if !p.is_empty() && g.credits.contains(&p) {
                let lead = inner.len() - inner.trim_start().len();
                let s = line.start + open + 1 + lead;
                let name = Span::new(s, s + inner.trim().len());
                let credit = Span::new(line.start + open, line.start + close + 1);
                out.push((sentence_of(credit.start), credit, name));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
