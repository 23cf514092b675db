//! Constructed conflicts against the *other* outlet's article, as users compare: two different
//! outlets' reports of one story (seeds 000 ↔ 002, 001 ↔ 003, and COVID outlet pairs when
//! `../shared` is present). Every fact the two corroborate is changed in one of them — a figure's
//! digits, a number word, a weekday, a word inside quote marks — and `check` must then flag it
//! (`conflicting` or `timing`) against the unchanged other article. The unchanged pair must not
//! flag any of those facts.

mod common;

use tathya::check::{self, CheckOptions, CheckReport, ClaimGroup, GroupKind, Verdict};
use tathya::claim::{ClaimKind, QuoteKind};
use tathya::extract::frame::Window;
use tathya::{Document, Grammars, Lang, Options};

fn analyse(id: &str, text: &str, published: Option<chrono::NaiveDate>) -> Document {
    tathya::analyze(
        id,
        text.to_string(),
        published,
        &Options {
            lang: Some(Lang::Hi),
            skip_mt: true,
        },
        Grammars::builtin(),
    )
}

fn run(docs: &[Document]) -> CheckReport {
    let opts = CheckOptions {
        stories: vec![docs.iter().map(|d| d.id.clone()).collect()],
        ..CheckOptions::default()
    };
    check::check(docs, &opts, Grammars::builtin())
}

fn flagged(g: &ClaimGroup) -> bool {
    matches!(g.verdict, Verdict::Conflicting | Verdict::Timing)
}

const NUMBER_WORDS: [(&str, &str); 10] = [
    ("दो", "चार"),
    ("तीन", "पांच"),
    ("चार", "छह"),
    ("पांच", "सात"),
    ("छह", "आठ"),
    ("सात", "नौ"),
    ("आठ", "दस"),
    ("नौ", "ग्यारह"),
    ("दस", "बारह"),
    ("बीस", "तीस"),
];
const WEEKDAYS: [&str; 7] = [
    "सोमवार",
    "मंगलवार",
    "बुधवार",
    "गुरुवार",
    "शुक्रवार",
    "शनिवार",
    "रविवार",
];

/// A change inside `[start, end)` of `text`: (new text, changed span, what).
fn mutate(
    text: &str,
    start: usize,
    end: usize,
    kind: GroupKind,
) -> Option<(String, (usize, usize), &'static str)> {
    let span = &text[start..end];
    let splice = |s: usize, e: usize, with: &str| {
        let mut t = String::with_capacity(text.len() + with.len());
        t.push_str(&text[..s]);
        t.push_str(with);
        t.push_str(&text[e..]);
        (t, (s, s + with.len()))
    };
    match kind {
        GroupKind::Figure => {
            if let Some(rel) = span.find(|c: char| c.is_ascii_digit()) {
                let s = start + rel;
                let e = s + text[s..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(text.len() - s);
                let n: u64 = text[s..e].parse().ok()?;
                let (t, sp) = splice(s, e, &(n + 3).to_string());
                return Some((t, sp, "figure"));
            }
            for (w, with) in NUMBER_WORDS {
                if let Some(rel) = span.find(w) {
                    let s = start + rel;
                    let (t, sp) = splice(s, s + w.len(), with);
                    return Some((t, sp, "number word"));
                }
            }
            None
        }
        GroupKind::Time => {
            for (k, w) in WEEKDAYS.iter().enumerate() {
                if let Some(rel) = span.find(w) {
                    let s = start + rel;
                    let (t, sp) = splice(s, s + w.len(), WEEKDAYS[(k + 1) % 7]);
                    return Some((t, sp, "weekday"));
                }
            }
            None
        }
        GroupKind::Quote => {
            // The longest word inside the marks.
            let words = tathya::check::norm::raw_words(span);
            let (a, b) = words
                .iter()
                .copied()
                .filter(|&(a, b)| span[a..b].chars().count() >= 3)
                .max_by_key(|&(a, b)| (b - a, std::cmp::Reverse(a)))?;
            let (t, sp) = splice(start + a, start + b, "बदलाव");
            Some((t, sp, "quoted word"))
        }
        GroupKind::Statement => None,
    }
}

#[derive(Debug, Default)]
struct Tally {
    tried: usize,
    missed: Vec<String>,
    unchanged_flagged: Vec<String>,
}

/// Every fact `a` and `b` corroborate, changed in `a` and checked against `b`.
fn constructed(a: &Document, b: &Document, t: &mut Tally) {
    let r = run(&[a.clone(), b.clone()]);
    let shared: Vec<&ClaimGroup> = r
        .stories
        .iter()
        .flat_map(|s| &s.groups)
        .filter(|g| g.verdict == Verdict::Corroborated && g.kind != GroupKind::Statement)
        .filter(|g| g.members.iter().any(|m| m.document == b.id))
        .collect();
    for g in shared {
        let first_window = g.members[0]
            .frame
            .as_ref()
            .and_then(|f| f.window)
            .unwrap_or(Window::Cumulative);
        // A fact both state with a frame of their own (a figure whose measure both name), a day,
        // or words in quote marks.
        let framed = |m: &tathya::check::Member| match g.kind {
            GroupKind::Figure => m.frame.as_ref().is_some_and(|f| {
                f.measure.is_some() && f.window.unwrap_or(Window::Cumulative) == first_window
            }),
            // A day with what happened on it ("2024-11-29 (meeting)").
            GroupKind::Time => m.value.as_deref().is_some_and(|v| v.contains('(')),
            _ => true,
        };
        let marked = |m: &tathya::check::Member, d: &Document| match m
            .claim
            .and_then(|c| d.claims.get(c))
        {
            Some(c) => match &c.detail {
                ClaimKind::Quote(q) => matches!(q.quote, QuoteKind::Direct | QuoteKind::Fragment),
                _ => true,
            },
            None => false,
        };
        if !g.members.iter().all(framed) {
            continue;
        }
        // The members of `a` that state what a member of `b` states: the same measure and place
        // for a figure (a group of equal values may hold other facts of the same value too).
        let frame_key = |m: &tathya::check::Member| {
            m.frame.as_ref().map(|f| {
                (
                    f.measure.clone(),
                    f.scope.as_ref().map(|s| s.entity.clone()),
                )
            })
        };
        let theirs: Vec<_> = g
            .members
            .iter()
            .filter(|m| m.document == b.id)
            .map(frame_key)
            .collect();
        let mine: Vec<&tathya::check::Member> = g
            .members
            .iter()
            .filter(|m| m.document == a.id && marked(m, a) && theirs.contains(&frame_key(m)))
            .collect();
        if mine.is_empty() || !g.members.iter().any(|m| m.document == b.id && marked(m, b)) {
            continue;
        }
        // Every member of `a` in the group states the value: change them all, last first.
        let mut text = a.text.clone();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut what = "";
        let mut ok = true;
        for m in mine.iter().rev() {
            let (start, end) = match (g.kind, m.claim.and_then(|c| a.claims.get(c))) {
                (GroupKind::Quote, Some(c)) => match &c.detail {
                    ClaimKind::Quote(q) => (q.content.start, q.content.end),
                    _ => (m.start, m.end),
                },
                _ => (m.start, m.end),
            };
            match mutate(&text, start, end, g.kind) {
                Some((t, at, w)) => {
                    text = t;
                    spans.push(at);
                    what = w;
                }
                None => ok = false,
            }
        }
        if !ok || spans.is_empty() {
            continue;
        }
        // The unchanged pair finds no conflict on this fact.
        let unchanged = r.stories.iter().flat_map(|s| &s.groups).any(|x| {
            x.verdict == Verdict::Conflicting
                && x.kind == g.kind
                && x.members.iter().any(|y| {
                    y.document == a.id && mine.iter().any(|m| y.start < m.end && m.start < y.end)
                })
                && x.members.iter().any(|y| y.document == b.id)
        });
        let first = mine[0];
        // A fact the unchanged pair already shows as an update (one article gives an earlier and
        // a later value: `timing`) cannot show a change; it is no candidate. A conflict on it is
        // a false alarm.
        let update = !unchanged
            && r.stories.iter().flat_map(|s| &s.groups).any(|x| {
                x.verdict == Verdict::Timing
                    && x.kind == g.kind
                    && x.members.iter().any(|y| {
                        y.document == a.id
                            && mine.iter().any(|m| y.start < m.end && m.start < y.end)
                    })
            });
        if update {
            continue;
        }
        if unchanged {
            let why: Vec<String> = r
                .stories
                .iter()
                .flat_map(|s| &s.groups)
                .filter(|x| {
                    x.verdict == Verdict::Conflicting
                        && x.kind == g.kind
                        && x.members.iter().any(|y| {
                            y.document == a.id
                                && mine.iter().any(|m| y.start < m.end && m.start < y.end)
                        })
                })
                .map(|x| format!("{} {:?} {}", x.id, x.kind, x.explanation))
                .collect();
            t.unchanged_flagged.push(format!(
                "{} ~ {}: {what} “{}” [{}]",
                a.id,
                b.id,
                first.text,
                why.join("; ")
            ));
        }
        t.tried += 1;
        let changed = analyse(&a.id, &text, a.published);
        let r2 = run(&[changed, b.clone()]);
        // Spans were changed last first, so earlier ones are still where they were; the first
        // (earliest) change is the one to look for.
        let at = *spans.last().expect("one span at least");
        let hit = r2.stories.iter().flat_map(|s| &s.groups).any(|x| {
            flagged(x)
                && x.members
                    .iter()
                    .any(|y| y.document == a.id && y.start < at.1 && at.0 < y.end)
                && x.members.iter().any(|y| y.document == b.id)
        });
        if !hit {
            let why: Vec<String> = r2
                .stories
                .iter()
                .flat_map(|s| &s.groups)
                .filter(|x| {
                    x.members
                        .iter()
                        .any(|y| y.document == a.id && y.start < at.1 && at.0 < y.end)
                })
                .map(|x| {
                    let fr: Vec<String> = x
                        .members
                        .iter()
                        .map(|y| {
                            format!(
                                "{}:{:?}",
                                y.text,
                                y.frame.as_ref().map(|f| (
                                    f.measure.clone(),
                                    f.scope.as_ref().map(|s| s.entity.clone()),
                                    f.window
                                ))
                            )
                        })
                        .collect();
                    format!("{} {:?} {}", x.id, x.verdict, fr.join(" | "))
                })
                .collect();
            t.missed.push(format!(
                "{} ~ {}: {what} “{}” → “{}” [{}]",
                a.id,
                b.id,
                first.text,
                &text[at.0..at.1],
                why.join("; ")
            ));
        }
    }
}

fn seed(name: &str) -> Document {
    let dir = common::corpus_dir();
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .expect("seed");
    let text = std::fs::read_to_string(&path).unwrap();
    tathya::analyze(
        path.file_name().unwrap().to_string_lossy(),
        text,
        None,
        &Options::default(),
        Grammars::builtin(),
    )
}

#[test]
fn changed_facts_conflict_with_the_other_outlets_article() {
    let mut t = Tally::default();
    for (x, y) in [("000", "002"), ("001", "003")] {
        let (a, b) = (seed(x), seed(y));
        constructed(&a, &b, &mut t);
        constructed(&b, &a, &mut t);
    }
    let seeds_tried = t.tried;
    eprintln!("seed pairs: {seeds_tried} facts changed");
    if let Some(shared) = common::shared_dir() {
        let dir = shared.join("corpora/hi_covid_5outlets");
        for (date, x, y) in [
            ("2020-04-01", "amarujala", "navbharattimes"),
            ("2020-04-13", "jagran", "livehindustan"),
            ("2020-03-28", "prabhatkhabar", "amarujala"),
        ] {
            let read = |o: &str| {
                let id = format!("{o}_{date}");
                std::fs::read_to_string(dir.join(format!("{id}.txt")))
                    .ok()
                    .map(|t| {
                        analyse(
                            &id,
                            &t,
                            chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
                        )
                    })
            };
            if let (Some(a), Some(b)) = (read(x), read(y)) {
                constructed(&a, &b, &mut t);
            }
        }
    } else {
        eprintln!("COVID pairs skipped: ../shared is absent");
    }
    eprintln!(
        "constructed conflicts: {} tried, {} missed; unchanged pairs flagged: {}",
        t.tried,
        t.missed.len(),
        t.unchanged_flagged.len()
    );
    for m in &t.unchanged_flagged {
        eprintln!("  unchanged but flagged: {m}");
    }
    for m in &t.missed {
        eprintln!("  missed: {m}");
    }
    assert!(
        seeds_tried >= 4,
        "too few shared seed facts to change: {t:?}"
    );
    assert!(t.missed.is_empty(), "missed: {:#?}", t.missed);
    assert!(
        t.unchanged_flagged.is_empty(),
        "unchanged pairs flagged: {:#?}",
        t.unchanged_flagged
    );
}

/// Two outlets' differently worded reports of one crash, with no publication date, as a new user
/// would write them: one story, the deaths and the injured flagged, the lead sentences not called
/// agreement; an unrelated article stays apart.
#[test]
fn undated_reports_of_one_crash_form_one_story_and_disagree() {
    let a = analyse(
        "a.txt",
        "ओडिशा में ट्रेन हादसा, 42 लोगों की मौत\n\nबालासोर, एजेंसी। ओडिशा के बालासोर में शुक्रवार शाम दो ट्रेनों की टक्कर में 42 लोगों की मौत हो गई और 1,200 से अधिक लोग घायल हुए हैं। रेलवे ने बताया कि राहत कार्य जारी है।\n",
        None,
    );
    let b = analyse(
        "b.txt",
        "बालासोर रेल दुर्घटना में 48 की मौत\n\nओडिशा के बालासोर जिले में शुक्रवार को हुई रेल दुर्घटना में 48 लोगों की मौत हो गई, जबकि 900 लोग घायल हुए। अधिकारियों के मुताबिक बचाव अभियान रात भर चला।\n",
        None,
    );
    let c = analyse(
        "c.txt",
        "मुंबई में क्रिकेट मैच\n\nवानखेड़े स्टेडियम में रविवार को खेले गए मैच में भारत ने 7 विकेट से जीत दर्ज की। कप्तान ने 85 रन बनाए।\n",
        None,
    );
    let docs = vec![a, b, c];
    let r = check::check(&docs, &CheckOptions::default(), Grammars::builtin());
    let stories: Vec<Vec<&str>> = r
        .stories
        .iter()
        .map(|s| s.documents.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        stories,
        vec![vec!["a.txt", "b.txt"], vec!["c.txt"]],
        "{stories:?}"
    );
    let groups: Vec<&ClaimGroup> = r.stories[0].groups.iter().collect();
    let flagged_with = |x: &str, y: &str| {
        groups.iter().any(|g| {
            flagged(g)
                && g.kind == GroupKind::Figure
                && g.members
                    .iter()
                    .any(|m| m.document == "a.txt" && m.text.starts_with(x))
                && g.members
                    .iter()
                    .any(|m| m.document == "b.txt" && m.text.starts_with(y))
        })
    };
    assert!(flagged_with("42", "48"), "deaths 42 ~ 48 not flagged");
    assert!(
        flagged_with("1,200", "900"),
        "injured more than 1,200 ~ 900 not flagged"
    );
    // No statement or figure group calls the lead sentences agreement on those figures.
    assert!(
        !groups.iter().any(|g| g.verdict == Verdict::Corroborated
            && g.members
                .iter()
                .any(|m| m.document == "a.txt" && m.text.contains("42"))
            && g.members
                .iter()
                .any(|m| m.document == "b.txt" && m.text.contains("48"))),
        "the differing figures are called corroborated"
    );
}

/// The same in English, hard-wrapped the way wire copy is.
#[test]
fn english_reports_of_one_crash_disagree_on_deaths() {
    let en = |id: &str, t: &str| {
        tathya::analyze(
            id,
            t.to_string(),
            None,
            &Options {
                lang: Some(Lang::En),
                skip_mt: true,
            },
            Grammars::builtin(),
        )
    };
    let a = en(
        "a.txt",
        "Train collision in Odisha kills 42\n\nBALASORE (Reuters) - 42 people died and more than 1,200 were injured when two trains collided in Odisha on Friday evening, railway officials said.\n",
    );
    let b = en(
        "b.txt",
        "Odisha rail crash: 48 dead\n\nForty-eight people were killed and 900 injured in a train collision in Odisha on Friday, officials said, as rescue teams worked through the night.\n",
    );
    let r = check::check(&[a, b], &CheckOptions::default(), Grammars::builtin());
    assert_eq!(
        r.stories.len(),
        1,
        "{:?}",
        r.stories.iter().map(|s| &s.documents).collect::<Vec<_>>()
    );
    let flagged_deaths = r.stories[0].groups.iter().any(|g| {
        flagged(g)
            && g.kind == GroupKind::Figure
            && g.members
                .iter()
                .any(|m| m.document == "a.txt" && m.text.contains("42"))
            && g.members.iter().any(|m| m.document == "b.txt")
    });
    assert!(
        flagged_deaths,
        "{:#?}",
        r.stories[0]
            .groups
            .iter()
            .filter(|g| g.kind == GroupKind::Figure)
            .map(|g| (&g.verdict, &g.explanation))
            .collect::<Vec<_>>()
    );
}

/// Many identical copies of one article are one story and one origin: nothing is corroborated
/// by a copy of itself, and no copy contradicts another.
#[test]
fn identical_copies_are_one_story_and_one_origin() {
    let a = seed("001");
    let docs: Vec<Document> = (0..60)
        .map(|k| {
            let mut d = a.clone();
            d.id = format!("copy-{k:02}.txt");
            d
        })
        .collect();
    let r = run_auto(&docs);
    assert_eq!(r.stories.len(), 1, "{} stories", r.stories.len());
    assert_eq!(r.stories[0].documents.len(), 60);
    assert!(
        r.stories[0]
            .groups
            .iter()
            .all(|g| g.verdict != Verdict::Corroborated && !flagged(g))
    );
}

fn run_auto(docs: &[Document]) -> CheckReport {
    check::check(docs, &CheckOptions::default(), Grammars::builtin())
}

fn dated(id: &str, text: &str) -> Document {
    analyse(id, text, chrono::NaiveDate::from_ymd_opt(2020, 4, 1))
}

fn figure_groups(r: &CheckReport) -> Vec<&ClaimGroup> {
    r.stories
        .iter()
        .flat_map(|s| &s.groups)
        .filter(|g| g.kind == GroupKind::Figure)
        .collect()
}

/// One rule each, on two small articles of two outlets.
#[test]
fn frames_decide_agreement_updates_bounds_and_places() {
    // An update: one outlet gives Tuesday's figure, the other today's → timing, not a conflict.
    let a = dated(
        "a.txt",
        "दिल्ली में कोरोना\n\nनई दिल्ली। दिल्ली में मंगलवार तक संक्रमितों की संख्या 97 थी।\n",
    );
    let b = dated(
        "b.txt",
        "दिल्ली में कोरोना\n\nनई दिल्ली। दिल्ली में अब संक्रमितों की संख्या 120 हो गई है।\n",
    );
    let r = run(&[a, b]);
    let g = figure_groups(&r);
    assert!(
        g.iter().any(|g| g.verdict == Verdict::Timing),
        "{:#?}",
        g.iter()
            .map(|g| (&g.verdict, &g.explanation))
            .collect::<Vec<_>>()
    );
    assert!(!g.iter().any(|g| g.verdict == Verdict::Conflicting));

    // An article that gives the earlier and the later value agrees with an outlet that gives the later.
    let a = dated("a.txt", "दिल्ली में संक्रमितों की संख्या 97 से बढ़कर 120 हो गई है।\n");
    let b = dated("b.txt", "दिल्ली में संक्रमितों की संख्या 120 हो गई है।\n");
    let r = run(&[a, b]);
    let g = figure_groups(&r);
    assert!(g.iter().any(|g| g.verdict == Verdict::Corroborated));
    assert!(!g.iter().any(|g| flagged(g)));

    // A bound that holds is consistent, corroborates nothing and conflicts with nothing.
    let a = dated("a.txt", "केरल में 60 से ज्यादा लोगों की मौत हो चुकी है।\n");
    let b = dated("b.txt", "केरल में 75 लोगों की मौत हो चुकी है।\n");
    let r = run(&[a, b]);
    assert!(
        figure_groups(&r)
            .iter()
            .all(|g| g.verdict == Verdict::SingleSource)
    );
    // … and one that does not hold conflicts.
    let a = dated("a.txt", "केरल में 80 से ज्यादा लोगों की मौत हो चुकी है।\n");
    let r = run(&[a, dated("b.txt", "केरल में 75 लोगों की मौत हो चुकी है।\n")]);
    assert!(
        figure_groups(&r)
            .iter()
            .any(|g| g.verdict == Verdict::Conflicting)
    );

    // The same value in two places is two facts, never corroboration; two values of two places
    // are no conflict.
    let a = dated("a.txt", "दिल्ली में 53 मामले सामने आए हैं। पंजाब में 20 मामले हैं।\n");
    let b = dated("b.txt", "केरल में 53 मामले सामने आए हैं। बिहार में 21 मामले हैं।\n");
    let r = run(&[a, b]);
    let g = figure_groups(&r);
    assert!(
        g.iter().all(|g| g.verdict == Verdict::SingleSource),
        "{:#?}",
        g.iter()
            .map(|g| (&g.verdict, &g.explanation))
            .collect::<Vec<_>>()
    );

    // New cases and the running total are different windows.
    let a = dated("a.txt", "देश में पिछले 24 घंटे में 386 नए मामले सामने आए।\n");
    let b = dated("b.txt", "देश में अब तक 1,637 मामले सामने आ चुके हैं।\n");
    assert!(!figure_groups(&run(&[a, b])).iter().any(|g| flagged(g)));
}

/// How a disagreement is labelled when neither text dates its figure: what else the two
/// sentences say decides between an update (`timing`) and a contradiction (`conflicting`).
#[test]
fn companion_figures_and_rises_label_a_disagreement() {
    let verdicts = |a: &str, b: &str| -> Vec<(Verdict, String)> {
        let r = run(&[dated("a.txt", a), dated("b.txt", b)]);
        figure_groups(&r)
            .into_iter()
            .filter(|g| flagged(g))
            .map(|g| (g.verdict, g.explanation.clone()))
            .collect()
    };
    // A state's own update (new cases, "बढ़कर") against a bulletin's flat list: an update.
    let v = verdicts(
        "लखनऊ : उत्तर प्रदेश में आज 31 नए मामले सामने आए और कुल संख्या बढ़कर 348 हो गई।\n",
        "राज्यवार आंकड़े : उत्तर प्रदेश में कोरोना के 343 मामले हैं।\n",
    );
    assert!(
        !v.is_empty() && v.iter().all(|(x, _)| *x == Verdict::Timing),
        "{v:#?}"
    );
    // Two bulletins: every figure of the later one is higher.
    let v = verdicts(
        "देश में संक्रमितों की कुल संख्या 18,601 हो गई है और 590 लोगों की मौत हुई है।\n",
        "देश में संक्रमितों की कुल संख्या 20,471 हो गई है और 652 लोगों की मौत हुई है।\n",
    );
    assert!(
        !v.is_empty() && v.iter().all(|(x, _)| *x == Verdict::Timing),
        "{v:#?}"
    );
    // The same bulletin's total with two different death counts: a contradiction.
    let v = verdicts(
        "देश में कुल 5194 मामले हैं और पिछले 24 घंटे में 35 लोगों की मौत हुई है।\n",
        "देश में कुल 5194 मामले हैं और पिछले 24 घंटे में 32 लोगों की मौत हुई है।\n",
    );
    assert!(v.iter().any(|(x, _)| *x == Verdict::Conflicting), "{v:#?}");
    // Two articles that date the country's count differently tell two bulletins: a state's
    // count that differs between them, dated by neither, is an update too.
    let v = verdicts(
        "मंत्रालय के अनुसार रविवार शाम तक देश में संक्रमितों की संख्या 26,917 हो गई है।\n\nराजस्थान में 41 लोगों की जान जा चुकी है।\n",
        "मंत्रालय के अनुसार सोमवार सुबह तक देश में संक्रमितों की संख्या 27,892 हो गई है।\n\nराजस्थान में 33 लोगों की जान जा चुकी है।\n",
    );
    let state = v
        .iter()
        .find(|(_, why)| why.contains("two bulletins"))
        .unwrap_or_else(|| panic!("{v:#?}"));
    assert_eq!(state.0, Verdict::Timing, "{v:#?}");
    assert!(v.iter().all(|(x, _)| *x == Verdict::Timing), "{v:#?}");
}
