//! The time lexicon: `grammars/hi/time.toml` and `grammars/en/time.toml` compiled into one set of
//! lookup tables. The two files use different scripts, so their words never collide and one
//! lexicon serves Hindi pages with English words in them (bylines, kickers) as well.

use serde::Deserialize;

use crate::error::GrammarError;
use crate::grammar::GrammarSet;

// Hash maps with the crate's one hasher: the lexicon is only looked up, never iterated into output,
// so their order cannot leak.
type HashMap<K, V> = crate::tokens::FxHashMap<K, V>;
type HashSet<K> = crate::tokens::FxHashSet<K>;

/// The files this lexicon is built from.
pub const FILES: &[&str] = &["hi/time.toml", "en/time.toml"];

#[derive(Debug, Deserialize)]
struct RawNamed {
    #[serde(default)]
    month: Option<u32>,
    #[serde(default)]
    weekday: Option<u32>,
    names: Vec<String>,
    #[serde(default)]
    short: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawHoliday {
    names: Vec<String>,
    #[serde(default)]
    month: Option<u32>,
    #[serde(default)]
    day: Option<u32>,
    /// Days from Easter Sunday, for the feasts that move with it.
    #[serde(default)]
    easter: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct RawDay {
    value: u32,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    ordinal: Vec<String>,
    #[serde(default)]
    tens: bool,
}

#[derive(Debug, Deserialize)]
struct RawDeictic {
    words: Vec<String>,
    offset: i64,
    #[serde(default)]
    ambiguous: bool,
}

#[derive(Debug, Deserialize)]
struct RawCount {
    word: String,
    value: u32,
}

#[derive(Debug, Default, Deserialize)]
struct RawUnits {
    #[serde(default)]
    day: Vec<String>,
    #[serde(default)]
    week: Vec<String>,
    #[serde(default)]
    month: Vec<String>,
    #[serde(default)]
    year: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct RawSeasons {
    #[serde(default)]
    spring: Vec<String>,
    #[serde(default)]
    summer: Vec<String>,
    #[serde(default)]
    autumn: Vec<String>,
    #[serde(default)]
    winter: Vec<String>,
    /// Season words that also mean something else ("गर्मी" = heat): a season only with a year.
    #[serde(default)]
    with_year_only: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct RawParts {
    #[serde(default)]
    morning: Vec<String>,
    #[serde(default)]
    afternoon: Vec<String>,
    #[serde(default)]
    evening: Vec<String>,
    #[serde(default)]
    night: Vec<String>,
    /// Words that are a clock time by themselves: "noon" (12:00), "midnight" (0:00).
    #[serde(default)]
    noon: Vec<String>,
    #[serde(default)]
    midnight: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct RawTense {
    #[serde(default)]
    past: Vec<String>,
    #[serde(default)]
    future_endings: Vec<String>,
    #[serde(default)]
    clause_breaks: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawFile {
    #[serde(default)]
    ambiguous_months: Vec<String>,
    #[serde(default)]
    month_postpositions: Vec<String>,
    #[serde(default)]
    month_prepositions: Vec<String>,
    #[serde(default)]
    month_day_links: Vec<String>,
    #[serde(default)]
    day_month_links: Vec<String>,
    #[serde(default)]
    day_markers: Vec<String>,
    #[serde(default)]
    day_prefixes: Vec<String>,
    #[serde(default)]
    last: Vec<String>,
    #[serde(default)]
    next: Vec<String>,
    #[serde(default)]
    this: Vec<String>,
    #[serde(default)]
    week_weekday_links: Vec<String>,
    #[serde(default)]
    ago: Vec<String>,
    #[serde(default)]
    ago_blockers: Vec<String>,
    #[serde(default)]
    counts: Vec<RawCount>,
    #[serde(default)]
    plural_units: Vec<String>,
    #[serde(default)]
    scales: Vec<String>,
    #[serde(default)]
    generic: Vec<String>,
    #[serde(default)]
    range_links: Vec<String>,
    #[serde(default)]
    range_ends: Vec<String>,
    #[serde(default)]
    range_closers: Vec<String>,
    #[serde(default)]
    range_openers: Vec<String>,
    #[serde(default)]
    range_and: Vec<String>,
    #[serde(default)]
    range_link_after: Vec<String>,
    #[serde(default)]
    ahead: Vec<String>,
    #[serde(default)]
    ahead_now: Vec<String>,
    #[serde(default)]
    anchor_after: Vec<String>,
    #[serde(default)]
    anchor_before: Vec<String>,
    #[serde(default)]
    day_prepositions: Vec<String>,
    #[serde(default)]
    day_prepositions_the: Vec<String>,
    #[serde(default)]
    day_postpositions: Vec<String>,
    #[serde(default)]
    day_demonstratives: Vec<String>,
    #[serde(default)]
    day_subjects: Vec<String>,
    #[serde(default)]
    day_followers: Vec<String>,
    #[serde(default)]
    numeric_date_cues_before: Vec<String>,
    #[serde(default)]
    numeric_date_cues_after: Vec<String>,
    #[serde(default)]
    fiscal_years: Vec<String>,
    #[serde(default)]
    year_zeros: Vec<String>,
    #[serde(default)]
    within_after: Vec<String>,
    #[serde(default)]
    within_before: Vec<String>,
    #[serde(default)]
    future_markers: Vec<String>,
    #[serde(default)]
    duration_links: Vec<String>,
    #[serde(default)]
    last_ordinals: Vec<String>,
    #[serde(default)]
    clock_markers: Vec<String>,
    #[serde(default)]
    clock_links: Vec<String>,
    #[serde(default)]
    quarters: Vec<String>,
    #[serde(default)]
    halves: Vec<String>,
    #[serde(default)]
    bare_year_parts: Vec<String>,
    #[serde(default)]
    decades: Vec<String>,
    #[serde(default)]
    period_edges: Vec<String>,
    #[serde(default)]
    weekends: Vec<String>,
    #[serde(default)]
    within_closers: Vec<String>,
    #[serde(default)]
    within_openers: Vec<String>,
    #[serde(default)]
    eras: Vec<String>,
    #[serde(default)]
    now: Vec<String>,
    #[serde(default)]
    seasons: RawSeasons,
    #[serde(default)]
    coming: Vec<String>,
    #[serde(default)]
    alternatives: Vec<String>,
    #[serde(default)]
    year_qualifiers: Vec<String>,
    #[serde(default)]
    quarter_letters: Vec<String>,
    #[serde(default)]
    half_letters: Vec<String>,
    #[serde(default)]
    holiday: Vec<RawHoliday>,

    #[serde(default)]
    year_links: Vec<String>,
    #[serde(default)]
    morning_markers: Vec<String>,
    #[serde(default)]
    evening_markers: Vec<String>,
    #[serde(default)]
    day_parts: RawParts,
    #[serde(default)]
    units: RawUnits,
    #[serde(default)]
    deictic: Vec<RawDeictic>,
    #[serde(default)]
    tense: RawTense,
    #[serde(default)]
    month: Vec<RawNamed>,
    #[serde(default)]
    weekday: Vec<RawNamed>,
    #[serde(default)]
    day: Vec<RawDay>,
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// A day.
    Day,
    /// A week (Monday to Sunday).
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// Which one of a series: the one before, this one, the one after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// पिछले, बीते, last.
    Last,
    /// इस, this.
    This,
    /// अगले, next.
    Next,
}

/// A word that names a day relative to publication ("आज", "yesterday", "कल").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deictic {
    /// Days from publication (the magnitude, for ambiguous words).
    pub offset: i64,
    /// True when the sign comes from the tense (कल, परसों).
    pub ambiguous: bool,
}

/// The date of a named day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// The same month and day every year: "गणतंत्र दिवस" (26 January).
    Fixed(u32, u32),
    /// Days from Easter Sunday: "Good Friday" (-2), "Easter Monday" (1).
    Easter(i64),
}

/// A day-of-month word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayWord {
    /// 1–31 (or 20, 30 for tens words).
    pub value: u32,
    /// पहली, first.
    pub ordinal: bool,
    /// twenty, thirty: may take a unit word after it.
    pub tens: bool,
}

/// The compiled time lexicon (normalised words → meanings).
#[derive(Debug, Default)]
pub struct Lexicon {
    months: HashMap<String, (u32, bool)>,
    weekdays: HashMap<String, (u32, bool)>,
    days: HashMap<String, DayWord>,
    counts: HashMap<String, u32>,
    units: HashMap<String, Unit>,
    plural_units: HashSet<String>,
    scales: HashSet<String>,
    generic: HashSet<String>,
    range_links: HashSet<String>,
    range_ends: HashSet<String>,
    /// Multi-word phrases closing a range ("के बीच").
    range_closers: Vec<Vec<String>>,
    range_openers: HashSet<String>,
    range_and: HashSet<String>,
    ahead: Vec<Vec<String>>,
    ahead_now: Vec<Vec<String>>,
    day_prepositions: HashSet<String>,
    day_prepositions_the: HashSet<String>,
    /// "को" after a day number alone, with a cue ("उस 27 को").
    day_postpositions: HashSet<String>,
    /// "उस", "इस" before a day number alone ("उस 27 को").
    day_demonstratives: HashSet<String>,
    /// Subject pronouns right before a day number alone ("मैं 15 को लौटूंगा").
    day_subjects: HashSet<String>,
    /// Words that may follow an ordinal day after "on (the)" ("on the 15th and …").
    day_followers: HashSet<String>,
    /// Before a year-less numeric date ("by 4/22").
    numeric_date_cues_before: HashSet<String>,
    /// After a year-less numeric date ("4/22 को").
    numeric_date_cues_after: HashSet<String>,
    /// "वित्त वर्ष", "fiscal year", "FY": an Indian fiscal year (April to March).
    fiscal_years: Vec<Vec<String>>,
    /// "zero", "oh" inside a year read in pairs ("nineteen zero one").
    year_zeros: HashSet<String>,
    within_after: HashSet<String>,
    within_before: HashSet<String>,
    future_markers: HashSet<String>,
    duration_links: HashSet<String>,
    last_ordinals: HashSet<String>,
    clock_markers: HashSet<String>,
    clock_links: HashSet<String>,
    year_parts: HashMap<String, u32>,
    bare_year_parts: HashSet<String>,
    decades: HashSet<String>,
    period_edges: HashSet<String>,
    weekends: HashSet<String>,
    /// After a duration: "के भीतर" (within).
    within_closers: Vec<Vec<String>>,
    /// Before a duration: "within".
    within_openers: HashSet<String>,
    /// Era marks after a year: "ई.", "AD".
    eras: HashSet<String>,
    /// "अभी", "now": publication day, as a range's end only.
    now: HashSet<String>,
    /// Season words: TIMEX3 codes.
    seasons: HashMap<String, &'static str>,
    seasons_with_year_only: HashSet<String>,
    /// Next-words that name the nearest coming weekday, not next week's: "आगामी", "coming".
    coming: HashSet<String>,
    /// "या", "or": between two weekdays' short names.
    alternatives: HashSet<String>,
    /// Between a direction and a year unit: "इस कैलेंडर वर्ष".
    year_qualifiers: HashSet<String>,
    /// "q" of "Q3", "h" of "H1": letters glued to the part's number (months in the part).
    part_letters: HashMap<String, u32>,
    /// Named days: phrases and their dates.
    holidays: Vec<(Vec<String>, Holiday)>,
    range_link_after: HashSet<String>,
    anchor_after: HashSet<String>,
    anchor_before: HashSet<String>,
    year_links: HashSet<String>,
    morning_markers: HashSet<String>,
    evening_markers: HashSet<String>,
    parts: HashMap<String, crate::claim::DayPart>,
    /// noon / midnight: (hour, part).
    clock_words: HashMap<String, (u32, crate::claim::DayPart)>,
    ambiguous_months: HashSet<String>,
    month_postpositions: HashSet<String>,
    month_prepositions: HashSet<String>,
    month_day_links: HashSet<String>,
    day_month_links: HashSet<String>,
    day_markers: HashSet<String>,
    day_prefixes: HashSet<String>,
    week_weekday_links: HashSet<String>,
    ago_blockers: HashSet<String>,
    past: HashSet<String>,
    clause_breaks: HashSet<String>,
    /// Future-tense word endings, normalised.
    pub future_endings: Vec<String>,
    /// Words that can start a time expression (the matcher skips every other word).
    starts: HashSet<String>,
    /// Multi-word phrases, as normalised token sequences.
    directions: Vec<(Vec<String>, Direction)>,
    ago: Vec<Vec<String>>,
    deictic: Vec<(Vec<String>, Deictic)>,
}

/// [`normalize`], borrowing when the word is already normal (most words are).
pub fn normalize_cow(word: &str) -> std::borrow::Cow<'_, str> {
    let plain = word.chars().all(|c| match c {
        '\u{093C}' | '\u{200C}' | '\u{200D}' | '\u{0901}' | '\u{0958}'..='\u{095F}' => false,
        c if c.is_ascii() => !c.is_ascii_uppercase(),
        '\u{0900}'..='\u{097F}' => true,
        _ => false,
    });
    if plain {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(normalize(word))
    }
}

/// Normalise a word for lookup: lower-case Latin, Devanagari without nukta (फ़ → फ), chandrabindu
/// as anusvara, no zero-width joiners.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        crate::document::lang::fold_char(c, &mut out);
    }
    out
}

fn phrase(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(normalize)
        .collect()
}

fn set(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words.iter().map(|w| normalize(w))
}

impl Lexicon {
    /// Build the lexicon from the time grammar files of `set`.
    pub fn load(gs: &GrammarSet) -> Result<Self, GrammarError> {
        let mut lx = Lexicon::default();
        for file in FILES {
            let raw: RawFile = gs.parse(file)?;
            lx.add(raw, file)?;
        }
        let firsts = lx
            .directions
            .iter()
            .map(|(p, _)| p)
            .chain(lx.deictic.iter().map(|(p, _)| p))
            .filter_map(|p| p.first().cloned())
            .collect::<Vec<_>>();
        lx.starts = lx
            .months
            .keys()
            .chain(lx.weekdays.keys())
            .chain(lx.days.keys())
            .chain(lx.counts.keys())
            .chain(lx.day_prefixes.iter())
            .chain(lx.parts.keys())
            .chain(lx.clock_words.keys())
            .chain(lx.last_ordinals.iter())
            .chain(lx.period_edges.iter())
            .chain(lx.weekends.iter())
            .chain(lx.within_openers.iter())
            .chain(lx.units.keys())
            .cloned()
            .chain(firsts)
            .chain(lx.holidays.iter().filter_map(|(p, _)| p.first().cloned()))
            .chain(lx.now.iter().cloned())
            .chain(lx.seasons.keys().cloned())
            .chain(lx.part_letters.keys().cloned())
            .chain(lx.fiscal_years.iter().filter_map(|p| p.first().cloned()))
            // ("हर महीने के दूसरे शनिवार", "every month")
            .chain(lx.generic.iter().cloned())
            .collect();
        lx.directions
            .sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        lx.ago.sort_by_key(|p| std::cmp::Reverse(p.len()));
        lx.ahead.sort_by_key(|p| std::cmp::Reverse(p.len()));
        lx.ahead_now.sort_by_key(|p| std::cmp::Reverse(p.len()));
        lx.within_closers
            .sort_by_key(|p| std::cmp::Reverse(p.len()));
        lx.holidays.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        lx.range_closers.sort_by_key(|p| std::cmp::Reverse(p.len()));
        lx.deictic.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        lx.fiscal_years.sort_by_key(|p| std::cmp::Reverse(p.len()));
        Ok(lx)
    }

    fn add(&mut self, raw: RawFile, file: &str) -> Result<(), GrammarError> {
        let bad = |message: String| GrammarError::Invalid {
            file: file.to_string(),
            message,
        };
        for m in &raw.month {
            let n = m
                .month
                .filter(|n| (1..=12).contains(n))
                .ok_or_else(|| bad(format!("month {:?} needs `month` 1–12", m.names)))?;
            self.months.extend(set(&m.names).map(|w| (w, (n, false))));
            self.months.extend(set(&m.short).map(|w| (w, (n, true))));
        }
        for m in &raw.weekday {
            let n = m
                .weekday
                .filter(|n| (1..=7).contains(n))
                .ok_or_else(|| bad(format!("weekday {:?} needs `weekday` 1–7", m.names)))?;
            self.weekdays.extend(set(&m.names).map(|w| (w, (n, false))));
            self.weekdays.extend(set(&m.short).map(|w| (w, (n, true))));
        }
        for d in &raw.day {
            if !(1..=31).contains(&d.value) {
                return Err(bad(format!("day {:?}: value must be 1–31", d.words)));
            }
            for (words, ordinal) in [(&d.words, false), (&d.ordinal, true)] {
                self.days.extend(set(words).map(|w| {
                    (
                        w,
                        DayWord {
                            value: d.value,
                            ordinal,
                            tens: d.tens,
                        },
                    )
                }));
            }
        }
        self.counts
            .extend(raw.counts.iter().map(|c| (normalize(&c.word), c.value)));
        for (words, unit) in [
            (&raw.units.day, Unit::Day),
            (&raw.units.week, Unit::Week),
            (&raw.units.month, Unit::Month),
            (&raw.units.year, Unit::Year),
        ] {
            self.units.extend(set(words).map(|w| (w, unit)));
        }
        self.plural_units.extend(set(&raw.plural_units));
        self.scales.extend(set(&raw.scales));
        self.range_links.extend(set(&raw.range_links));
        self.generic.extend(set(&raw.generic));
        self.range_ends.extend(set(&raw.range_ends));
        self.range_closers
            .extend(raw.range_closers.iter().map(|w| phrase(w)));
        self.range_openers.extend(set(&raw.range_openers));
        self.range_and.extend(set(&raw.range_and));
        self.range_link_after.extend(set(&raw.range_link_after));
        self.ahead.extend(raw.ahead.iter().map(|w| phrase(w)));
        self.ahead_now
            .extend(raw.ahead_now.iter().map(|w| phrase(w)));
        self.anchor_after.extend(set(&raw.anchor_after));
        self.anchor_before.extend(set(&raw.anchor_before));
        self.day_prepositions.extend(set(&raw.day_prepositions));
        self.day_prepositions_the
            .extend(set(&raw.day_prepositions_the));
        self.within_after.extend(set(&raw.within_after));
        self.day_postpositions.extend(set(&raw.day_postpositions));
        self.day_demonstratives.extend(set(&raw.day_demonstratives));
        self.day_subjects.extend(set(&raw.day_subjects));
        self.day_followers.extend(set(&raw.day_followers));
        self.numeric_date_cues_before
            .extend(set(&raw.numeric_date_cues_before));
        self.numeric_date_cues_after
            .extend(set(&raw.numeric_date_cues_after));
        self.fiscal_years
            .extend(raw.fiscal_years.iter().map(|w| phrase(w)));
        self.year_zeros.extend(set(&raw.year_zeros));
        self.within_before.extend(set(&raw.within_before));
        self.future_markers.extend(set(&raw.future_markers));
        self.duration_links.extend(set(&raw.duration_links));
        self.last_ordinals.extend(set(&raw.last_ordinals));
        self.clock_markers.extend(set(&raw.clock_markers));
        self.clock_links.extend(set(&raw.clock_links));
        self.year_parts.extend(set(&raw.quarters).map(|w| (w, 3)));
        self.year_parts.extend(set(&raw.halves).map(|w| (w, 6)));
        self.bare_year_parts.extend(set(&raw.bare_year_parts));
        self.decades.extend(set(&raw.decades));
        self.period_edges.extend(set(&raw.period_edges));
        self.weekends.extend(set(&raw.weekends));
        self.within_closers
            .extend(raw.within_closers.iter().map(|w| phrase(w)));
        self.within_openers.extend(set(&raw.within_openers));
        self.eras.extend(set(&raw.eras));
        self.now.extend(set(&raw.now));
        for (words, code) in [
            (&raw.seasons.spring, "SP"),
            (&raw.seasons.summer, "SU"),
            (&raw.seasons.autumn, "FA"),
            (&raw.seasons.winter, "WI"),
        ] {
            self.seasons.extend(set(words).map(|w| (w, code)));
        }
        self.seasons_with_year_only
            .extend(set(&raw.seasons.with_year_only));
        self.coming.extend(set(&raw.coming));
        self.alternatives.extend(set(&raw.alternatives));
        self.year_qualifiers.extend(set(&raw.year_qualifiers));
        self.part_letters
            .extend(set(&raw.quarter_letters).map(|w| (w, 3)));
        self.part_letters
            .extend(set(&raw.half_letters).map(|w| (w, 6)));
        for h in &raw.holiday {
            let date = match (h.month, h.day, h.easter) {
                (Some(m), Some(d), None)
                    if chrono::NaiveDate::from_ymd_opt(2000, m, d).is_some() =>
                {
                    Holiday::Fixed(m, d)
                }
                (None, None, Some(o)) if o.abs() <= 100 => Holiday::Easter(o),
                _ => {
                    return Err(bad(format!(
                        "holiday {:?} needs a valid `month` and `day`, or `easter` (days from Easter Sunday, within 100)",
                        h.names
                    )));
                }
            };
            self.holidays
                .extend(h.names.iter().map(|w| (phrase(w), date)));
        }

        self.year_links.extend(set(&raw.year_links));
        self.morning_markers.extend(set(&raw.morning_markers));
        self.evening_markers.extend(set(&raw.evening_markers));
        use crate::claim::DayPart;
        for (words, part) in [
            (&raw.day_parts.morning, DayPart::Morning),
            (&raw.day_parts.afternoon, DayPart::Afternoon),
            (&raw.day_parts.evening, DayPart::Evening),
            (&raw.day_parts.night, DayPart::Night),
        ] {
            self.parts.extend(set(words).map(|w| (w, part)));
        }
        self.clock_words
            .extend(set(&raw.day_parts.noon).map(|w| (w, (12, DayPart::Afternoon))));
        self.clock_words
            .extend(set(&raw.day_parts.midnight).map(|w| (w, (0, DayPart::Night))));
        self.ambiguous_months.extend(set(&raw.ambiguous_months));
        self.month_postpositions
            .extend(set(&raw.month_postpositions));
        self.month_prepositions.extend(set(&raw.month_prepositions));
        self.month_day_links.extend(set(&raw.month_day_links));
        self.day_month_links.extend(set(&raw.day_month_links));
        self.day_markers.extend(set(&raw.day_markers));
        self.day_prefixes.extend(set(&raw.day_prefixes));
        self.week_weekday_links.extend(set(&raw.week_weekday_links));
        self.ago_blockers.extend(set(&raw.ago_blockers));
        self.past.extend(set(&raw.tense.past));
        self.clause_breaks.extend(set(&raw.tense.clause_breaks));
        self.future_endings
            .extend(raw.tense.future_endings.iter().map(|w| normalize(w)));
        for (words, dir) in [
            (&raw.last, Direction::Last),
            (&raw.this, Direction::This),
            (&raw.next, Direction::Next),
        ] {
            self.directions
                .extend(words.iter().map(|w| (phrase(w), dir)));
        }
        self.ago.extend(raw.ago.iter().map(|w| phrase(w)));
        for d in &raw.deictic {
            let v = Deictic {
                offset: d.offset,
                ambiguous: d.ambiguous,
            };
            self.deictic.extend(d.words.iter().map(|w| (phrase(w), v)));
        }
        Ok(())
    }

    /// True when a time expression may start with this word.
    pub fn may_start(&self, w: &str) -> bool {
        self.starts.contains(w)
    }
    /// Month number and whether the word is a short form.
    pub fn month(&self, w: &str) -> Option<(u32, bool)> {
        self.months.get(w).copied()
    }
    /// ISO weekday and whether the word is a short form.
    pub fn weekday(&self, w: &str) -> Option<(u32, bool)> {
        self.weekdays.get(w).copied()
    }
    /// A day-of-month word.
    pub fn day(&self, w: &str) -> Option<DayWord> {
        self.days.get(w).copied()
    }
    /// A count word outside the day words ("a", "एक").
    pub fn count(&self, w: &str) -> Option<u32> {
        self.counts.get(w).copied()
    }
    /// A unit word.
    pub fn unit(&self, w: &str) -> Option<Unit> {
        self.units.get(w).copied()
    }
    /// True for plural unit words ("दिनों", "days").
    pub fn is_plural_unit(&self, w: &str) -> bool {
        self.plural_units.contains(w)
    }
    /// A scale word after a number word ("दो हज़ार"): the number is not a day.
    pub fn is_scale(&self, w: &str) -> bool {
        self.scales.contains(w)
    }
    /// "every", "हर" before a weekday: a habit, not a day.
    pub fn is_generic(&self, w: &str) -> bool {
        self.generic.contains(w)
    }
    /// "से", "to" between the two ends of a range.
    pub fn is_range_link(&self, w: &str) -> bool {
        self.range_links.contains(w)
    }
    /// "तक" after a range.
    pub fn is_range_end(&self, w: &str) -> bool {
        self.range_ends.contains(w)
    }
    /// True for month names that need support to count ("मार्च", "may").
    pub fn is_ambiguous_month(&self, w: &str) -> bool {
        self.ambiguous_months.contains(w)
    }
    /// "में", "से" after a month.
    pub fn is_month_postposition(&self, w: &str) -> bool {
        self.month_postpositions.contains(w)
    }
    /// "in", "since" before a month.
    pub fn is_month_preposition(&self, w: &str) -> bool {
        self.month_prepositions.contains(w)
    }
    /// "की", "the" between a month and its day.
    pub fn is_month_day_link(&self, w: &str) -> bool {
        self.month_day_links.contains(w)
    }
    /// "of" between a day and its month.
    pub fn is_day_month_link(&self, w: &str) -> bool {
        self.day_month_links.contains(w)
    }
    /// "तारीख" after a day number.
    pub fn is_day_marker(&self, w: &str) -> bool {
        self.day_markers.contains(w)
    }
    /// "the" before a day.
    pub fn is_day_prefix(&self, w: &str) -> bool {
        self.day_prefixes.contains(w)
    }
    /// "के", "on" between a week and a weekday.
    pub fn is_week_weekday_link(&self, w: &str) -> bool {
        self.week_weekday_links.contains(w)
    }
    /// "से" before a count: "X से दो दिन पहले" counts from X.
    pub fn is_ago_blocker(&self, w: &str) -> bool {
        self.ago_blockers.contains(w)
    }
    /// A past-tense verb form.
    pub fn is_past(&self, w: &str) -> bool {
        self.past.contains(w)
    }
    /// A word that ends a clause for tense reading ("और", "लेकिन").
    pub fn is_clause_break(&self, w: &str) -> bool {
        self.clause_breaks.contains(w)
    }
    /// "के बीच", "के दौरान" after a range, longest first.
    pub fn range_closers(&self) -> &[Vec<String>] {
        &self.range_closers
    }
    /// "between", "from" before the first end of a range.
    pub fn is_range_opener(&self, w: &str) -> bool {
        self.range_openers.contains(w)
    }
    /// "और", "and": links two ends only with an opener or a closer.
    pub fn is_range_and(&self, w: &str) -> bool {
        self.range_and.contains(w)
    }
    /// "बाद", "later": phrases that count ahead, longest first.
    pub fn ahead(&self) -> &[Vec<String>] {
        &self.ahead
    }
    /// "from now", "hence": count ahead from publication whatever the tense.
    pub fn ahead_now(&self) -> &[Vec<String>] {
        &self.ahead_now
    }
    /// "में" after a duration: "दो सप्ताह में" (in two weeks).
    pub fn is_within_after(&self, w: &str) -> bool {
        self.within_after.contains(w)
    }
    /// "in" before a duration: "in three weeks".
    pub fn is_within_before(&self, w: &str) -> bool {
        self.within_before.contains(w)
    }
    /// "will", "shall": the clause is in the future tense.
    pub fn is_future_marker(&self, w: &str) -> bool {
        self.future_markers.contains(w)
    }
    /// "on", "for" before "the" and a day number alone ("for the 22nd").
    pub fn is_day_preposition_the(&self, w: &str) -> bool {
        self.day_prepositions_the.contains(w)
    }
    /// "on" before a day number alone ("on 15").
    pub fn is_day_preposition(&self, w: &str) -> bool {
        self.day_prepositions.contains(w)
    }
    /// "को" after a day number alone ("उस 27 को").
    pub fn is_day_postposition(&self, w: &str) -> bool {
        self.day_postpositions.contains(w)
    }
    /// "उस", "इस" before a day number alone ("उस 27 को").
    pub fn is_day_demonstrative(&self, w: &str) -> bool {
        self.day_demonstratives.contains(w)
    }
    /// A subject pronoun right before a day number alone ("मैं 15 को").
    pub fn is_day_subject(&self, w: &str) -> bool {
        self.day_subjects.contains(w)
    }
    /// A word that may follow an ordinal day after "on (the)": "on the 15th and".
    pub fn is_day_follower(&self, w: &str) -> bool {
        self.day_followers.contains(w)
    }
    /// "on", "by", "until" before a year-less numeric date.
    pub fn is_numeric_date_cue_before(&self, w: &str) -> bool {
        self.numeric_date_cues_before.contains(w)
    }
    /// "को", "तक", "तारीख" after a year-less numeric date.
    pub fn is_numeric_date_cue_after(&self, w: &str) -> bool {
        self.numeric_date_cues_after.contains(w)
    }
    /// "zero", "oh" between a year's hundreds and its last digit ("nineteen zero one").
    pub fn is_year_zero(&self, w: &str) -> bool {
        self.year_zeros.contains(w)
    }
    /// Phrases naming a fiscal year: "वित्त वर्ष", "fiscal year", "fy".
    pub fn fiscal_years(&self) -> &[Vec<String>] {
        &self.fiscal_years
    }
    /// "और", "and" between the parts of a compound duration.
    pub fn is_duration_link(&self, w: &str) -> bool {
        self.duration_links.contains(w)
    }
    /// "आखिरी", "last" as the ordinal of a weekday in a month.
    pub fn is_last_ordinal(&self, w: &str) -> bool {
        self.last_ordinals.contains(w)
    }
    /// "बजे", "o'clock": a clock hour before it.
    pub fn is_clock_marker(&self, w: &str) -> bool {
        self.clock_markers.contains(w)
    }
    /// "तिमाही", "quarter" (3 months), "छमाही", "half" (6).
    pub fn year_part(&self, w: &str) -> Option<u32> {
        self.year_parts.get(w).copied()
    }
    /// A part word that names a part of a year even with no year beside it ("तिमाही"; not
    /// "quarter" or "half", which a match has too).
    pub fn is_bare_year_part(&self, w: &str) -> bool {
        self.bare_year_parts.contains(w)
    }
    /// "दशक", "decade".
    pub fn is_decade(&self, w: &str) -> bool {
        self.decades.contains(w)
    }
    /// "after" / "before" between a duration and the day it counts from ("two days after
    /// today"): Some(true) for after.
    pub fn anchor_link(&self, w: &str) -> Option<bool> {
        if self.anchor_after.contains(w) {
            Some(true)
        } else if self.anchor_before.contains(w) {
            Some(false)
        } else {
            None
        }
    }
    /// "सप्ताहांत", "weekend".
    pub fn is_weekend(&self, w: &str) -> bool {
        self.weekends.contains(w)
    }
    /// "लेकर" after a range link: "1 जनवरी से लेकर 22 जनवरी तक".
    /// Phrases after a duration that make it a span from publication: "के भीतर".
    pub fn within_closers(&self) -> &[Vec<String>] {
        &self.within_closers
    }

    /// "within" before a duration.
    pub fn is_within_opener(&self, w: &str) -> bool {
        self.within_openers.contains(w)
    }

    /// "अभी", "now".
    pub fn is_now(&self, w: &str) -> bool {
        self.now.contains(w)
    }

    /// The TIMEX3 code of a season word: "गर्मियों" → "SU".
    pub fn season(&self, w: &str) -> Option<&'static str> {
        self.seasons.get(w).copied()
    }

    /// A season word that is a season only with a year: "गर्मी" (also heat).
    pub fn is_season_with_year_only(&self, w: &str) -> bool {
        self.seasons_with_year_only.contains(w)
    }

    /// "आगामी", "coming" (first word of the phrase).
    pub fn is_coming(&self, w: &str) -> bool {
        self.coming.contains(w)
    }

    /// "या", "or".
    pub fn is_alternative(&self, w: &str) -> bool {
        self.alternatives.contains(w)
    }

    /// "कैलेंडर" in "इस कैलेंडर वर्ष".
    pub fn is_year_qualifier(&self, w: &str) -> bool {
        self.year_qualifiers.contains(w)
    }

    /// Months in a part of a year named by a letter: "q" (3), "h" (6).
    pub fn part_letter(&self, w: &str) -> Option<u32> {
        self.part_letters.get(w).copied()
    }

    /// Named days, longest names first.
    pub fn holidays(&self) -> &[(Vec<String>, Holiday)] {
        &self.holidays
    }

    /// An era mark after a year: "ई.", "AD".
    pub fn is_era(&self, w: &str) -> bool {
        self.eras.contains(w)
    }

    pub fn is_range_link_after(&self, w: &str) -> bool {
        self.range_link_after.contains(w)
    }
    /// "अंत", "end": an edge of a period ("साल के अंत में", "the end of the month").
    pub fn is_period_edge(&self, w: &str) -> bool {
        self.period_edges.contains(w)
    }
    /// "में", "in" between a year and a date it holds ("2020 में 26 जून").
    pub fn is_year_link(&self, w: &str) -> bool {
        self.year_links.contains(w)
    }
    /// "को", "at" between a day and its time of day.
    pub fn is_clock_link(&self, w: &str) -> bool {
        self.clock_links.contains(w)
    }
    /// "am" after a clock hour.
    pub fn is_morning_marker(&self, w: &str) -> bool {
        self.morning_markers.contains(w)
    }
    /// "pm" after a clock hour.
    pub fn is_evening_marker(&self, w: &str) -> bool {
        self.evening_markers.contains(w)
    }
    /// A part of the day.
    pub fn part(&self, w: &str) -> Option<crate::claim::DayPart> {
        self.parts.get(w).copied()
    }
    /// A word that is a clock time by itself ("noon", "midnight").
    pub fn clock_word(&self, w: &str) -> Option<(u32, crate::claim::DayPart)> {
        self.clock_words.get(w).copied()
    }
    /// Direction phrases, longest first.
    pub fn directions(&self) -> &[(Vec<String>, Direction)] {
        &self.directions
    }
    /// "ago" phrases, longest first.
    pub fn ago(&self) -> &[Vec<String>] {
        &self.ago
    }
    /// Deictic phrases, longest first.
    pub fn deictic(&self) -> &[(Vec<String>, Deictic)] {
        &self.deictic
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_nukta_and_chandrabindu() {
        assert_eq!(normalize("फ़रवरी"), normalize("फरवरी"));
        assert_eq!(normalize("फ़रवरी"), "फरवरी");
        assert_eq!(normalize("पाँच"), "पांच");
        assert_eq!(normalize("Nov"), "nov");
        assert!(matches!(
            normalize_cow("जुलाई"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(normalize_cow("फ़रवरी"), "फरवरी");
        assert_eq!(normalize_cow("Friday"), "friday");
    }

    #[test]
    fn builtin_lexicon_knows_spelling_variants() {
        let lx = Lexicon::load(&GrammarSet::builtin()).unwrap();
        for (w, m) in [
            ("सितम्बर", 9),
            ("सितंबर", 9),
            ("अक्तूबर", 10),
            ("फ़रवरी", 2),
            ("dec", 12),
        ] {
            assert_eq!(lx.month(&normalize(w)).map(|x| x.0), Some(m), "{w}");
        }
        for (w, d) in [("बृहस्पतिवार", 4), ("वीरवार", 4), ("इतवार", 7), ("friday", 5)]
        {
            assert_eq!(lx.weekday(&normalize(w)).map(|x| x.0), Some(d), "{w}");
        }
    }

    #[test]
    fn a_month_outside_1_to_12_is_a_grammar_error() {
        let gs = GrammarSet::from_files([
            ("hi/time.toml", "[[month]]\nmonth = 13\nnames = [\"x\"]\n"),
            ("en/time.toml", ""),
        ]);
        assert!(Lexicon::load(&gs).is_err());
    }
}
