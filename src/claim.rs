//! Claims: what a document asserts, each with the exact byte span it was read from.
//!
//! A [`Claim`] holds the fields every claim shares (span, sentence, text) and a
//! [`ClaimKind`] with the kind-specific fields. The serde form is contract v1
//! (see README): `"kind"` is the tag and the kind's fields sit beside the shared ones.

use serde::{Deserialize, Serialize, Serializer};

use crate::span::Span;

/// One claim found in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// First byte of the claim's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the sentence that holds the claim.
    pub sentence: usize,
    /// The span's text, exactly as in the input.
    pub text: String,
    /// Kind-specific fields.
    #[serde(flatten)]
    pub detail: ClaimKind,
    /// For a figure: what it measures, where, over which window, as of when, in which role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame: Option<crate::extract::frame::Frame>,
}

impl Claim {
    /// The claim's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// Build a claim over `span` of `text`.
    pub fn new(text: &str, span: Span, sentence: usize, detail: ClaimKind) -> Self {
        Claim {
            start: span.start,
            end: span.end,
            sentence,
            text: span.slice(text).to_string(),
            detail,
            frame: None,
        }
    }

    /// The kind's name as it appears in JSON.
    pub fn kind_name(&self) -> &'static str {
        match self.detail {
            ClaimKind::Figure(_) => "figure",
            ClaimKind::Time(_) => "time",
            ClaimKind::Quote(_) => "quote",
            ClaimKind::Attribution(_) => "attribution",
        }
    }
}

/// The kind of a claim and its fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ClaimKind {
    /// A number with what it counts or measures.
    Figure(Figure),
    /// A date, weekday, month, year or relative time.
    Time(Time),
    /// A quotation or reported speech.
    Quote(Quote),
    /// A "per whom" cue: के अनुसार, according to, citing …
    Attribution(Attribution),
}

/// A figure: a count, percent, ordinal, duration, amount of money, measure or year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The value read literally (for a range, its lower end).
    #[serde(serialize_with = "ser_num", deserialize_with = "de_num")]
    pub value: f64,
    /// `percent`, a canonical unit (`km²`, `INR`, `day` …) or the counted noun (`troops`, `सैनिक`).
    pub unit: Option<String>,
    /// How the value is hedged.
    pub qualifier: Qualifier,
    /// Lower bound, where the text gives or implies one.
    #[serde(serialize_with = "ser_opt_num")]
    pub min: Option<f64>,
    /// Upper bound, where the text gives or implies one.
    #[serde(serialize_with = "ser_opt_num")]
    pub max: Option<f64>,
    /// What sort of figure this is.
    pub figure: FigureKind,
}

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is.
    Exact,
    /// लगभग, करीब, तकरीबन, कुछ, about, nearly.
    About,
    /// से अधिक, से ज्यादा, more than, over.
    MoreThan,
    /// से कम, less than, under.
    LessThan,
    /// कम से कम, at least.
    AtLeast,
    /// तक, up to, at most.
    AtMost,
    /// दर्जनों, सैकड़ों, हजारों, thousands of.
    Vague,
    /// 5-6, पांच से छह, between 20 and 30.
    Range,
}

/// What sort of figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// A plain count or number.
    Count,
    /// A share: %, प्रतिशत, फीसदी, per cent.
    Percent,
    /// पहला, 70वीं, 21st.
    Ordinal,
    /// दो दिवसीय, तीन दिन, two weeks.
    Duration,
    /// ₹, रुपये, $, डॉलर.
    Money,
    /// वर्ग किलोमीटर, km, टन.
    Measure,
    /// 1946, सन 1990.
    Year,
}

/// A time expression and what is known of its calendar value.
///
/// Values are TIMEX3-style strings: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, with the parts the text
/// leaves open and no publication date settles written `X` (`XXXX-06-30`, `XXXX-XX-15`,
/// `XXXX-06`, `XXXX-WXX-5` for a bare Friday). A range has `time: "range"` and both ends in
/// `from` and `to` (each a value as above; `value` repeats `from`, `until` repeats `to`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Time {
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or one of these with unknown parts as `X`; null when
    /// nothing of the calendar value is known.
    pub value: Option<String>,
    /// What sort of time expression.
    pub time: TimeKind,
    /// How precise the value is: a day, a week (value = its Monday), a month or a year (for a
    /// range, the coarser of its ends).
    pub grain: Grain,
    /// For a range ("19 से 20 नवंबर", "पिछले तीन दिनों"): its last end, `value` being its first.
    /// (Not `end`: that is the claim's byte offset.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// A range's first end, as a value (may hold `X`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// A range's last end, as a value (may hold `X`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// A clock time stated with it, 24-hour `HH:MM` ("सुबह 8 बजे" = `08:00`, "6 pm" = `18:00`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock: Option<String>,
    /// A part of the day stated with it ("सोमवार रात", "सुबह").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<DayPart>,
    /// True when a weekday written beside a date is not that date's weekday
    /// ("मंगलवार (26 जुलाई)" in 2023, a Wednesday).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub weekday_mismatch: bool,
}

impl Time {
    /// The first and last day the claim covers, when its value is fully known (no `X`): a day,
    /// a week (Monday to Sunday), a month, a year, or a range from the first day of `from` to
    /// the last day of `to`.
    pub fn days(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let first = self.from.as_deref().or(self.value.as_deref())?;
        let last = self
            .to
            .as_deref()
            .or(self.until.as_deref())
            .unwrap_or(first);
        let a = value_days(first, self.grain)?.0;
        let b = value_days(last, self.grain)?.1;
        (a <= b).then_some((a, b))
    }
}

/// The days a time value covers: its own precision decides (a day, month or year), and a day
/// value of week grain covers seven days.
fn value_days(v: &str, grain: Grain) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::NaiveDate;
    let num = |s: &str| {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse::<u32>().ok()
        } else {
            None
        }
    };
    let parts: Vec<&str> = v.split('-').collect();
    let y = i32::try_from(num(parts.first()?)?).ok()?;
    let next_month = |y: i32, m: u32| {
        if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)
        }
    };
    match parts.as_slice() {
        [_] => Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
        )),
        [_, m] => {
            let m = num(m)?;
            Some((
                NaiveDate::from_ymd_opt(y, m, 1)?,
                next_month(y, m)?.pred_opt()?,
            ))
        }
        [_, m, d] => {
            let a = NaiveDate::from_ymd_opt(y, num(m)?, num(d)?)?;
            let b = if grain == Grain::Week {
                a.checked_add_days(chrono::Days::new(6))?
            } else {
                a
            };
            Some((a, b))
        }
        _ => None,
    }
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayPart {
    /// सुबह, morning.
    Morning,
    /// दोपहर, afternoon, noon.
    Afternoon,
    /// शाम, evening.
    Evening,
    /// रात, night, midnight.
    Night,
}

/// How precise a time value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// One day (`YYYY-MM-DD`).
    Day,
    /// A Monday-to-Sunday week (`YYYY-MM-DD` of its Monday).
    Week,
    /// A month (`YYYY-MM`).
    Month,
    /// A season (`YYYY-SU`, TIMEX3: SP, SU, FA, WI).
    Season,
    /// A year (`YYYY`).
    Year,
}

/// What sort of time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A day of a month: 26 जुलाई, 1 Dec 2024.
    Date,
    /// सोमवार, Friday.
    Weekday,
    /// जून, June 2024.
    Month,
    /// 2023 as a year of an event.
    Year,
    /// A season of a year: "2016 की गर्मियों", "summer of 2016".
    Season,
    /// बीते शुक्रवार, पिछले साल, इस सप्ताह, last Friday.
    Relative,
    /// Two ends: "3 से 12 सितंबर तक", "इस महीने 4 से 22 के बीच", "2014 से 2018".
    Range,
    /// A time of day whose day is not stated: "सुबह 8 बजे तक", "as of 6 pm".
    Clock,
}

/// A quotation or reported speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// How the words are reported.
    pub quote: QuoteKind,
    /// The reported words (inside the marks, or the clause after कि / that).
    pub content: Span,
    /// Who said it, when the text says.
    pub speaker: Option<Mention>,
    /// False when the speaker is a pronoun that could not be tied to a named person.
    pub speaker_resolved: bool,
    /// The attribution chain that covers the quote, nearest first.
    pub source: Vec<SourceRef>,
}

/// How a quote is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A statement in quote marks.
    Direct,
    /// A few words in marks inside reported speech.
    Fragment,
    /// A term in marks used as a label, often in a title.
    Scare,
    /// Speech without marks after "X ने कहा," .
    Unmarked,
    /// "X ने कहा कि …", "X said that …".
    Indirect,
}

/// A mention of a speaker or source with its span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The words as written.
    pub text: String,
    /// The canonical entity, when known.
    pub entity: Option<String>,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// A title or description kept apart from the name ("रक्षा मंत्री", "Foreign Minister").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// One link in an attribution chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The words as written.
    pub text: String,
    /// The canonical entity, when known.
    pub entity: Option<String>,
}

/// A "per whom" attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The cue that marks it: के अनुसार, के हवाले से, according to …
    pub cue: String,
    /// The nearest source.
    pub source: Mention,
    /// Intermediaries further back: Yonhap ← KCNA gives source Yonhap, via `[KCNA]`.
    pub via: Vec<SourceRef>,
}

/// Serialise a number as an integer when it is whole, so `40` is not printed `40.0`.
pub fn ser_num<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else if v.is_finite() {
        s.serialize_f64(*v)
    } else {
        s.serialize_none()
    }
}

/// Reads what [`ser_num`] wrote: a number, or null for a value that was not finite (NaN).
pub fn de_num<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

/// [`ser_num`] for optional numbers.
pub fn ser_opt_num<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => ser_num(v, s),
        None => s.serialize_none(),
    }
}

// How a claim reads in a listing or a verdict: short kind, value, quoted text.

fn num(v: f64) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::new(&mut out);
    let _ = ser_num(&v, &mut ser);
    String::from_utf8(out).unwrap_or_default()
}

fn figure_value(f: &Figure) -> String {
    let q = match f.qualifier {
        Qualifier::Exact => "",
        Qualifier::About => "~",
        Qualifier::MoreThan => ">",
        Qualifier::LessThan => "<",
        Qualifier::AtLeast => "≥",
        Qualifier::AtMost => "≤",
        Qualifier::Vague => "many ",
        Qualifier::Range => "",
    };
    let mut v = if f.qualifier == Qualifier::Range {
        format!(
            "{}–{}",
            f.min.map(num).unwrap_or_default(),
            f.max.map(num).unwrap_or_default()
        )
    } else {
        format!("{q}{}", num(f.value))
    };
    if let Some(u) = &f.unit {
        if u == "percent" {
            v.push('%');
        } else {
            v.push(' ');
            v.push_str(u);
        }
    }
    v
}

/// One claim's kind, sub-kind and value as short strings.
pub fn describe(c: &Claim) -> (String, String) {
    match &c.detail {
        ClaimKind::Figure(f) => (format!("figure/{}", ser_name(&f.figure)), figure_value(f)),
        ClaimKind::Time(t) => (
            format!("time/{}", ser_name(&t.time)),
            match (&t.value, &t.until) {
                (Some(v), Some(u)) => format!("{v}..{u}"),
                (v, _) => v.clone().unwrap_or_else(|| "?".into()),
            },
        ),
        ClaimKind::Quote(q) => {
            let who = match &q.speaker {
                Some(s) => {
                    let name = s.entity.clone().unwrap_or_else(|| s.text.clone());
                    if q.speaker_resolved {
                        name
                    } else {
                        format!("{name} (unresolved)")
                    }
                }
                None => "—".into(),
            };
            let via: Vec<String> = q
                .source
                .iter()
                .map(|s| s.entity.clone().unwrap_or_else(|| s.text.clone()))
                .collect();
            let v = if via.is_empty() {
                who
            } else {
                format!("{who} per {}", via.join(" ← "))
            };
            (format!("quote/{}", ser_name(&q.quote)), v)
        }
        ClaimKind::Attribution(a) => {
            let mut v = a
                .source
                .entity
                .clone()
                .unwrap_or_else(|| a.source.text.clone());
            for s in &a.via {
                v.push_str(" ← ");
                v.push_str(s.entity.as_deref().unwrap_or(&s.text));
            }
            (format!("attribution/{}", a.cue), v)
        }
    }
}

fn ser_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// `s` in curly quotes, unless it already opens with a quote mark (a quote claim's text carries its
/// own marks: “यह अच्छे हथियार हैं,”).
pub fn quoted(s: &str) -> String {
    if s.starts_with(['“', '"', '‘', '\'', '«']) {
        s.to_string()
    } else {
        format!("“{s}”")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_serialises_flat_with_integer_values() {
        let text = "गोला-बारूद के 40% से अधिक";
        let start = text.find("40").unwrap();
        let c = Claim::new(
            text,
            Span::new(start, text.len()),
            0,
            ClaimKind::Figure(Figure {
                value: 40.0,
                unit: Some("percent".into()),
                qualifier: Qualifier::MoreThan,
                min: Some(40.0),
                max: None,
                figure: FigureKind::Percent,
            }),
        );
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            json,
            format!(
                r#"{{"start":{start},"end":{},"sentence":0,"text":"40% से अधिक","kind":"figure","value":40,"unit":"percent","qualifier":"more_than","min":40,"max":null,"figure":"percent"}}"#,
                text.len()
            )
        );
    }

    #[test]
    fn fractional_values_stay_fractional() {
        let v = serde_json::to_value(Figure {
            value: 1.5,
            unit: None,
            qualifier: Qualifier::Exact,
            min: None,
            max: None,
            figure: FigureKind::Count,
        })
        .unwrap();
        assert_eq!(v["value"], serde_json::json!(1.5));
    }

    #[test]
    fn time_days_cover_the_value_or_the_range_and_nothing_when_unknown() {
        let t = |v: &str, grain: Grain, range: Option<(&str, &str)>| Time {
            value: Some(v.to_string()),
            time: TimeKind::Date,
            grain,
            until: range.map(|r| r.1.to_string()),
            from: range.map(|r| r.0.to_string()),
            to: range.map(|r| r.1.to_string()),
            clock: None,
            part: None,
            weekday_mismatch: false,
        };
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            t("2024-06-30", Grain::Day, None).days(),
            Some((d("2024-06-30"), d("2024-06-30")))
        );
        assert_eq!(
            t("2024-02", Grain::Month, None).days(),
            Some((d("2024-02-01"), d("2024-02-29")))
        );
        assert_eq!(
            t("2023-07-24", Grain::Week, None).days(),
            Some((d("2023-07-24"), d("2023-07-30")))
        );
        assert_eq!(
            t("2014", Grain::Year, Some(("2014", "2018-05"))).days(),
            Some((d("2014-01-01"), d("2018-05-31")))
        );
        assert_eq!(t("XXXX-06-30", Grain::Day, None).days(), None);
        assert_eq!(t("XXXX-WXX-5", Grain::Day, None).days(), None);
        assert_eq!(
            t("2024-09-03", Grain::Day, Some(("2024-09-03", "XXXX-09-12"))).days(),
            None
        );
    }
}
