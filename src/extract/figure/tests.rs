//! Unit tests of the figure parser: each reads like a specification.

use super::*;
use crate::Grammars;
use crate::claim::{FigureKind as K, Qualifier as Q};

fn figs(text: &str) -> Vec<(String, Figure)> {
    parse_figures(text, Lang::Hi, &Grammars::builtin().figure)
        .into_iter()
        .map(|(s, f)| (s.slice(text).to_string(), f))
        .collect()
}

/// The figure whose span text is `span`.
fn one(text: &str, span: &str) -> Figure {
    let all = figs(text);
    all.iter()
        .find(|(s, _)| s == span)
        .map(|(_, f)| f.clone())
        .unwrap_or_else(|| panic!("no figure `{span}` in {text:?}; got {all:?}"))
}

fn value(text: &str, span: &str) -> f64 {
    one(text, span).value
}

fn none(text: &str) {
    let all = figs(text);
    assert!(
        all.is_empty(),
        "{text:?} should hold no figure, got {all:?}"
    );
}

#[test]
fn seed_acceptance_cases() {
    let f = one("गोला-बारूद के 40% से अधिक की आपूर्ति", "40% से अधिक");
    assert_eq!(
        (f.value, f.qualifier, f.figure),
        (40.0, Q::MoreThan, K::Percent)
    );
    assert_eq!((f.unit.as_deref(), f.min), (Some("percent"), Some(40.0)));
    let f = one("कुर्स्क में कुछ 90 वर्ग किलोमीटर के क्षेत्र", "कुछ 90 वर्ग किलोमीटर");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.qualifier),
        (90.0, Some("km²"), Q::About)
    );
    let f = one("अतिरिक्त 6,000 मिलियन कार्यों को", "6,000 मिलियन कार्यों");
    assert_eq!((f.value, f.unit.as_deref()), (6e9, Some("कार्य")));
    let f = one("समाप्ति की 70वीं वर्षगांठ", "70वीं");
    assert_eq!((f.value, f.figure), (70.0, K::Ordinal));
    let f = one("दो दिवसीय दौरे के बाद", "दो दिवसीय");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.figure),
        (2.0, Some("day"), K::Duration)
    );
    let f = one("लड़ने के लिए हजारों सैनिकों को", "हजारों सैनिकों");
    assert_eq!(
        (f.value, f.min, f.qualifier),
        (1000.0, Some(2000.0), Q::Vague)
    );
    assert_eq!(f.unit.as_deref(), Some("सैनिक"));
    assert_eq!(one("तीन दिन की यात्रा", "तीन दिन").figure, K::Duration);
    assert_eq!(one("यह स्मारक 1946 में बना", "1946").figure, K::Year);
    assert_eq!(value("तीसरे सम्मेलन में", "तीसरे"), 3.0);
    assert_eq!(value("अपने चौथे वर्ष में है", "चौथे"), 4.0);
    let f = one("समझौते के एक महीने से भी कम समय बाद", "एक महीने से भी कम");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.qualifier),
        (1.0, Some("month"), Q::LessThan)
    );
}

#[test]
fn lexicon_covers_every_cardinal_below_one_hundred() {
    let have = Grammars::builtin().figure.lex.cardinal_values();
    let missing: Vec<u32> = (0..100)
        .filter(|v| !have.contains(&f64::from(*v)))
        .collect();
    assert!(missing.is_empty(), "no word for {missing:?}");
}

#[test]
fn digits_grouping_and_devanagari() {
    assert_eq!(value("कुल 1,00,000 रुपये", "1,00,000 रुपये"), 100000.0);
    assert_eq!(value("मेरे पास 4,23,523 रुपए हैं", "4,23,523 रुपए"), 423523.0);
    assert_eq!(
        value("about 2,204.62 pounds", "about 2,204.62 pounds"),
        2204.62
    );
    assert_eq!(value("कुल १२३ लोग", "१२३ लोग"), 123.0);
    assert_eq!(value("दर ३.५ प्रतिशत", "३.५ प्रतिशत"), 3.5);
    // A comma that cannot be grouping is a decimal comma.
    assert_eq!(value("कीमत 3,5 यूरो", "3,5 यूरो"), 3.5);
    // One that can be grouping is grouping.
    assert_eq!(value("1,335 यूरो प्रति लीटर", "1,335 यूरो"), 1335.0);
}

#[test]
fn hindi_number_words() {
    assert_eq!(value("पंद्रह सौ लोग", "पंद्रह सौ लोग"), 1500.0);
    assert_eq!(value("एक सौ पाँच", "एक सौ पाँच"), 105.0);
    assert_eq!(value("एक हज़ार पाँच सौ बीस", "एक हज़ार पाँच सौ बीस"), 1520.0);
    let t = "बत्तीस करोड़ इक्कीस लाख सैंतीस हज़ार चार सौ बारह";
    assert_eq!(value(t, t), 322137412.0);
    assert_eq!(value("सत्ताईस सौ करोड़", "सत्ताईस सौ करोड़"), 2.7e10);
    assert_eq!(value("2.5 लाख", "2.5 लाख"), 250000.0);
    // Spelling variants meet through folding.
    assert_eq!(value("पांच", "पांच"), 5.0);
    assert_eq!(value("इकत्तिस", "इकत्तिस"), 31.0);
    assert_eq!(value("हजार करोड़", "हजार करोड़"), 1e10);
    // Two plain numbers in a row are two numbers, not their sum.
    let all = figs("दो तीन");
    assert_eq!(all.len(), 2, "{all:?}");
}

#[test]
fn fractions() {
    assert_eq!(value("डेढ़ लाख", "डेढ़ लाख"), 150000.0);
    assert_eq!(value("ढाई हजार", "ढाई हजार"), 2500.0);
    assert_eq!(value("सवा सौ", "सवा सौ"), 125.0);
    assert_eq!(value("सवा लाख", "सवा लाख"), 125000.0);
    assert_eq!(value("सवा दो सौ", "सवा दो सौ"), 225.0);
    assert_eq!(value("साढ़े चार सौ", "साढ़े चार सौ"), 450.0);
    assert_eq!(value("पौने दो", "पौने दो"), 1.75);
    assert_eq!(value("पौने तीन हजार रुपए", "पौने तीन हजार रुपए"), 2750.0);
    assert_eq!(value("दो दशमलव सात", "दो दशमलव सात"), 2.7);
    assert_eq!(value("३/४", "३/४"), 0.75);
    assert_eq!(value("२ १/६", "२ १/६"), 2.0 + 1.0 / 6.0);
    // A day/month pair is not a fraction.
    none("हमले 26/11 को हुए");
}

#[test]
fn english_ratios_and_over() {
    assert_eq!(value("1 over 3", "1 over 3"), 1.0 / 3.0);
    assert_eq!(value("one over twenty", "one over twenty"), 0.05);
    assert_eq!(value("one out of three", "one out of three"), 1.0 / 3.0);
    assert_eq!(value("1 in twenty-one", "1 in twenty-one"), 1.0 / 21.0);
    // "over" before a noun or a year is "more than"; "2 in 5" is not a ratio.
    assert_eq!(one("over 20 years", "over 20 years").qualifier, Q::MoreThan);
    assert_eq!(value("it rose 5 over 2019.", "5"), 5.0);
    assert_eq!(value("2 in 5", "2"), 2.0);
    assert_eq!(one("1 in 2019", "2019").figure, K::Year);
}

#[test]
fn case_sensitive_scale_letters() {
    assert_eq!(value("1.2M", "1.2M"), 1.2e6);
    assert_eq!(value("-.0012G", "-.0012G"), -1.2e6);
    assert_eq!(value("1,674,200.5 M", "1,674,200.5 M"), 1_674_200.5e6);
    assert_eq!(one("5 m", "5 m").unit.as_deref(), Some("m"));
    assert_eq!(one("5 g", "5 g").unit.as_deref(), Some("g"));
    none("a 5G network and 3M tape");
    assert_eq!(value("section 5 B", "5"), 5.0);
}

#[test]
fn english_fractions_of_scales() {
    assert_eq!(value("half a dozen eggs", "half a dozen eggs"), 6.0);
    assert_eq!(
        value("two thirds of a million", "two thirds of a million"),
        2e6 / 3.0
    );
    assert_eq!(
        value(
            "two million and three fifths",
            "two million and three fifths"
        ),
        2.6e6
    );
    assert_eq!(
        value(
            "one billion and a quarter million",
            "one billion and a quarter million"
        ),
        1_000_250_000.0
    );
    assert_eq!(
        value(
            "one billion and three quarters million",
            "one billion and three quarters million"
        ),
        1_000_750_000.0
    );
    assert_eq!(
        value("two and a half million", "two and a half million"),
        2.5e6
    );
    assert_eq!(
        value(
            "one hundred and thirty fifths",
            "one hundred and thirty fifths"
        ),
        26.0
    );
    assert_eq!(value("five - eighths", "five - eighths"), 0.625);
    assert_eq!(value("one - fourth", "one - fourth"), 0.25);
    assert_eq!(one("one - 5", "one - 5").max, Some(5.0));
}

#[test]
fn glued_cents_join_the_amount() {
    assert_eq!(value("$20 and 43c", "$20 and 43c"), 20.43);
    assert_eq!(value("20 ringgit and 43c", "20 ringgit and 43c"), 20.43);
    let f = one(
        "more than 1 dollar and 42 cents",
        "more than 1 dollar and 42 cents",
    );
    assert_eq!(
        (f.value, f.min, f.qualifier),
        (1.42, Some(1.42), Q::MoreThan)
    );
    assert_eq!(one("43 c", "43").unit, None);
    // A capital C glued to a number is a temperature, not cents.
    none("temperatures reached 40C");
}

#[test]
fn a_range_may_end_approximately() {
    let f = one("between 2 g and about 7 g", "2 g and about 7 g");
    assert_eq!(
        (f.min, f.max, f.qualifier),
        (Some(2.0), Some(7.0), Q::Range)
    );
    let f = one("2 - ~7 litres", "2 - ~7 litres");
    assert_eq!((f.min, f.max), (Some(2.0), Some(7.0)));
    // "about 23 below zero", not a range from zero.
    assert_eq!(
        one(
            "पारा शून्य से करीब 23 डिग्री सेल्सियस नीचे",
            "करीब 23 डिग्री सेल्सियस"
        )
        .qualifier,
        Q::About
    );
}

#[test]
fn a_scale_does_not_stack_on_itself() {
    assert_eq!(value("two thousand thousand", "two thousand"), 2000.0);
    assert_eq!(value("two thousand thousand", "thousand"), 1000.0);
    assert_eq!(value("one thousand crore", "one thousand crore"), 1e10);
    assert_eq!(value("एक हजार करोड़", "एक हजार करोड़"), 1e10);
}

#[test]
fn currency_before_its_scale() {
    let f = one("They paid 75 USD million", "75 USD million");
    assert_eq!((f.value, f.unit.as_deref()), (75e6, Some("USD")));
    assert_eq!(value("totalling 48.5 MGBP", "48.5 MGBP"), 48.5e6);
    assert_eq!(value("Rs 5 crore", "Rs 5 crore"), 5e7);
}

#[test]
fn english_numbers() {
    assert_eq!(value("twenty-one", "twenty-one"), 21.0);
    assert_eq!(value("a hundred and five", "a hundred and five"), 105.0);
    assert_eq!(
        value(
            "two million three hundred thousand",
            "two million three hundred thousand"
        ),
        2.3e6
    );
    assert_eq!(value("nineteen hundred", "nineteen hundred"), 1900.0);
    assert_eq!(value("12 lakh", "12 lakh"), 1.2e6);
    assert_eq!(value("3 crore", "3 crore"), 3e7);
    assert_eq!(value("two and a half", "two and a half"), 2.5);
    let f = one("North Korea sent 6,000 troops", "6,000 troops");
    assert_eq!(f.unit.as_deref(), Some("troops"));
}

#[test]
fn percent_words() {
    for t in [
        "40 प्रतिशत",
        "40 फीसदी",
        "40 फ़ीसदी",
        "40 परसेंट",
        "40%",
        "40 per cent",
        "40 percent",
    ] {
        let f = one(t, t);
        assert_eq!((f.value, f.figure), (40.0, K::Percent), "{t}");
    }
}

#[test]
fn ordinals() {
    for (t, v) in [
        ("पहला", 1.0),
        ("पहली बार", 1.0),
        ("छठा", 6.0),
        ("सातवें", 7.0),
        ("चालीसवीं", 40.0),
        ("दो सौ चालीसवां", 240.0),
        ("१०९१वें", 1091.0),
        ("21st", 21.0),
        ("twenty-first", 21.0),
        ("fourth", 4.0),
        ("hundredth", 100.0),
    ] {
        let all = figs(t);
        assert!(
            all.iter()
                .any(|(_, f)| f.figure == K::Ordinal && f.value == v),
            "{t}: {all:?}"
        );
    }
    // पहले as "before/earlier", दूसरे as "other" are not ordinals.
    none("प्योंगयांग से पहले, लावरोव कुआलालंपुर में थे");
    none("वे पहले ही युद्ध में शामिल हो चुके हैं");
    none("दोनों देश एक दूसरे की सहायता कर रहे हैं");
    none("दूसरे देशों ने भी");
    assert_eq!(value("रणनीतिक संवाद के दूसरे दौर का", "दूसरे"), 2.0);
}

#[test]
fn qualifiers_and_ranges() {
    let f = one("लगभग 500 लोग", "लगभग 500 लोग");
    assert_eq!(f.qualifier, Q::About);
    let f = one("कम से कम 12 लोगों की मौत", "कम से कम 12 लोगों");
    assert_eq!(
        (f.qualifier, f.min, f.unit.as_deref()),
        (Q::AtLeast, Some(12.0), Some("लोग"))
    );
    let f = one("5 साल तक", "5 साल तक");
    assert_eq!((f.qualifier, f.max), (Q::AtMost, Some(5.0)));
    let f = one("more than 2,000 people", "more than 2,000 people");
    assert_eq!(f.qualifier, Q::MoreThan);
    let f = one("up to 5 km", "up to 5 km");
    assert_eq!((f.qualifier, f.unit.as_deref()), (Q::AtMost, Some("km")));
    for (t, lo, hi) in [
        ("5-6", 5.0, 6.0),
        ("5 से 6", 5.0, 6.0),
        ("पांच से छह", 5.0, 6.0),
        ("between 20 and 30", 20.0, 30.0),
        ("20 to 30", 20.0, 30.0),
        ("5-6 लाख", 5e5, 6e5),
        ("20 और 30 के बीच", 20.0, 30.0),
    ] {
        let all = figs(t);
        assert!(
            all.iter().any(|(_, f)| f.qualifier == Q::Range
                && f.min == Some(lo)
                && f.max == Some(hi)
                && f.value == lo),
            "{t}: {all:?}"
        );
    }
    let f = one(
        "संख्या 1000 से ज़्यादा और 1500 से कम है",
        "1000 से ज़्यादा और 1500 से कम",
    );
    assert_eq!(
        (f.min, f.max, f.qualifier),
        (Some(1000.0), Some(1500.0), Q::Range)
    );
}

#[test]
fn money_measures_durations() {
    let f = one("₹ 96.72 प्रति लीटर", "₹ 96.72");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.figure),
        (96.72, Some("INR"), K::Money)
    );
    assert_eq!(one("$ 300 million", "$ 300 million").value, 3e8);
    assert_eq!(
        one("254 मिलियन डॉलर", "254 मिलियन डॉलर").unit.as_deref(),
        Some("USD")
    );
    assert_eq!(
        one("20 dollars 43 cents", "20 dollars 43 cents").value,
        20.43
    );
    assert_eq!(one("5 पाउंड", "5 पाउंड").unit.as_deref(), Some("GBP"));
    let f = one("7 feet 10 inches", "7 feet 10 inches");
    assert_eq!((f.value.round(), f.unit.as_deref()), (94.0, Some("in")));
    let f = one("2 किलोमीटर 300 मीटर", "2 किलोमीटर 300 मीटर");
    assert_eq!((f.value, f.unit.as_deref()), (2300.0, Some("m")));
    assert_eq!(one("10 यूरो", "10 यूरो").unit.as_deref(), Some("EUR"));
    assert_eq!(one("500 टन", "500 टन").unit.as_deref(), Some("t"));
    assert_eq!(one("5 km", "5 km").figure, K::Measure);
    let f = one("two weeks", "two weeks");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.figure),
        (2.0, Some("week"), K::Duration)
    );
    let f = one("2 साल, 3 महीना", "2 साल, 3 महीना");
    assert_eq!((f.value, f.unit.as_deref()), (27.0, Some("month")));
    assert_eq!(one("एक पखवाड़ा", "एक पखवाड़ा").value, 14.0);
    assert_eq!(one("पूरे दिन", "पूरे दिन").unit.as_deref(), Some("day"));
    assert_eq!(
        one("हम एक और महीने रुकेंगे", "एक और महीने").unit.as_deref(),
        Some("month")
    );
}

#[test]
fn vague_plurals() {
    for (t, s) in [
        ("दर्जनों", 12.0),
        ("सैकड़ों", 100.0),
        ("लाखों", 1e5),
        ("करोड़ों", 1e7),
    ] {
        let f = one(t, t);
        assert_eq!(
            (f.value, f.min, f.qualifier),
            (s, Some(2.0 * s), Q::Vague),
            "{t}"
        );
    }
    let f = one("हर साल कई लाख पर्यटक आते हैं", "कई लाख पर्यटक");
    assert_eq!((f.value, f.min, f.qualifier), (1e5, Some(2e5), Q::Vague));
    let f = one("thousands of soldiers", "thousands of soldiers");
    assert_eq!((f.value, f.unit.as_deref()), (1000.0, Some("soldiers")));
}

#[test]
fn years() {
    assert_eq!(one("सन 1990 में", "सन 1990").figure, K::Year);
    assert_eq!(one("in 2020 the war", "2020").figure, K::Year);
    // A 4-digit count with a noun is a count.
    assert_eq!(one("2000 सैनिक", "2000 सैनिक").figure, K::Count);
}

#[test]
fn articles_are_not_figures() {
    none("रक्षा मंत्रालय ने एक बयान में कहा");
    none("एक प्रमुख रक्षा संधि के तहत");
    none("पुतिन द्वारा हस्ताक्षरित एक “स्नेहपूर्ण पत्र”");
    none("One of the officials said a statement was issued");
    assert_eq!(value("एक लाख", "एक लाख"), 1e5);
    assert_eq!(value("उनमें से एक", "एक"), 1.0);
}

#[test]
fn dates_times_urls_codes_are_not_figures() {
    none("बुधवार (26 जुलाई) को");
    none("Updated: Thu, 27 Jul 2023 10:26 AM (IST)");
    none("Nov 30, 2024 / 02:58 pm");
    none("1 Dec 2024 8:23 AM GMT");
    none("दिनांक 27.07.2023 को");
    none("https://example.com/images/2023/07/27/photo_1200.jpg?w=675");
    none("कोविड-19 महामारी");
    none("कई 3डी गेम्स");
    none("सुबह आठ बजे एक ट्रक");
    none("The attack occurred just before 7 a.m. near the beach");
    none("call 0800 555 111 now");
    none("version 1.2.3 released");
}

#[test]
fn negative_numbers() {
    assert_eq!(value("तापमान -5 डिग्री", "-5 डिग्री"), -5.0);
    assert_eq!(value("minus five", "minus five"), -5.0);
}

/// A tiny fixed-seed PRNG (xorshift64*), so the property test needs no crate and is repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Spans of every figure lie on char boundaries inside the text, start < end, and nothing
/// panics — on random mixes of number-ish pieces and on random bytes.
#[test]
fn property_random_inputs_never_panic_and_spans_are_sound() {
    const PIECES: &[&str] = &[
        "1",
        "40",
        "6,000",
        "1,00,000",
        "3,5",
        ".75",
        "१२",
        "०",
        "2023",
        "1946",
        "-",
        "–",
        "/",
        ":",
        ".",
        ",",
        "%",
        "$",
        "₹",
        "€",
        " ",
        " ",
        " ",
        "\n",
        "से",
        "अधिक",
        "कम",
        "तक",
        "लगभग",
        "कुछ",
        "एक",
        "दो",
        "सौ",
        "हजार",
        "हज़ार",
        "लाख",
        "करोड़",
        "मिलियन",
        "सवा",
        "साढ़े",
        "पौने",
        "डेढ़",
        "हजारों",
        "वीं",
        "वां",
        "st",
        "th",
        "दशमलव",
        "बटा",
        "सही",
        "और",
        "and",
        "a",
        "hundred",
        "twenty",
        "one",
        "thousand",
        "percent",
        "of",
        "between",
        "to",
        "km",
        "वर्ग",
        "किलोमीटर",
        "दिन",
        "दिवसीय",
        "महीने",
        "भर",
        "पूरे",
        "all",
        "day",
        "जुलाई",
        "Dec",
        "“",
        "(",
        "ि",
        "़",
        "\u{94d}",
        "\u{200d}",
        "é",
        "😀",
        "minus",
        "माइनस",
        "पहले",
        "दूसरे",
        "second",
        "k",
        "e",
    ];
    let g = &Grammars::builtin().figure;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let check = |text: &str| {
        for lang in [Lang::Hi, Lang::En] {
            for (span, fig) in parse_figures(text, lang, g) {
                assert!(span.start < span.end, "{text:?}: span {span:?}");
                assert!(span.end <= text.len(), "{text:?}: span {span:?}");
                assert!(
                    text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                    "{text:?}: span {span:?}"
                );
                assert!(!fig.value.is_nan(), "{text:?}: NaN");
            }
        }
    };
    for _ in 0..3000 {
        let n = 1 + rng.below(12);
        let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        check(&text);
    }
    // Long digit runs, huge exponents, long chains of scales.
    check(&"9".repeat(400));
    check(&format!("{}.{}", "1".repeat(300), "2".repeat(300)));
    check("1e99 1e-99 1,5e3");
    check(&"हजार ".repeat(200));
    check(&"एक सौ ".repeat(200));
    check(&"twenty-".repeat(200));
    for _ in 0..1000 {
        let n = rng.below(40);
        let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        check(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn a_misspelt_grammar_key_is_an_error() {
    let builtin = crate::grammar::GrammarSet::builtin();
    let files = |patch: &str| {
        crate::grammar::GrammarSet::from_files(builtin.paths().map(|p| {
            let text = builtin.text(p).unwrap_or_default();
            let text = if p == "hi/numbers.toml" {
                format!("{patch}\n{text}")
            } else {
                text.to_string()
            };
            (p.to_string(), text)
        }))
    };
    assert!(FigureGrammar::load(&files("")).is_ok());
    let err = FigureGrammar::load(&files("artcles = [\"एक\"]")).unwrap_err();
    assert!(err.to_string().contains("hi/numbers.toml"), "{err}");
}

/// Every Hindi cardinal the grammar lists, and every spelling its rules make from it, reads its
/// own value in running text; a spelling two numbers would share is read as neither.
#[test]
fn hindi_cardinals_and_their_spellings_over_the_whole_table() {
    let text = crate::grammar::GrammarSet::builtin()
        .text("hi/numbers.toml")
        .expect("hi/numbers.toml")
        .to_string();
    let raw: toml::Table = toml::from_str(&text).unwrap();
    let rules: Vec<(String, String)> = raw["spelling_rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let r = r.as_array().unwrap();
            (
                r[0].as_str().unwrap().to_string(),
                r[1].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let card = raw["cardinal"].as_table().unwrap();
    let mut values: std::collections::BTreeMap<String, std::collections::BTreeSet<i64>> =
        std::collections::BTreeMap::new();
    for (w, v) in card {
        let v = v.as_float().or(v.as_integer().map(|i| i as f64)).unwrap() as i64;
        for s in std::iter::once(w.clone()).chain(lexicon::spellings(w, &rules)) {
            let mut k = String::new();
            lexicon::fold(&s, &mut k);
            values.entry(k).or_default().insert(v);
        }
    }
    let listed: std::collections::BTreeSet<String> = card
        .keys()
        .map(|w| {
            let mut k = String::new();
            lexicon::fold(w, &mut k);
            k
        })
        .collect();
    let mut checked = 0;
    for (w, v) in card {
        let want = v.as_float().or(v.as_integer().map(|i| i as f64)).unwrap();
        let words = std::iter::once(w.clone()).chain(lexicon::spellings(w, &rules));
        for s in words {
            let mut k = String::new();
            lexicon::fold(&s, &mut k);
            if values[&k].len() > 1 && !listed.contains(&k) {
                continue;
            }
            // a count before a noun: "<word> लोग"
            let sentence = format!("हादसे में {s} लोग घायल हुए।");
            let got: Vec<f64> = figs(&sentence).iter().map(|(_, f)| f.value).collect();
            if s == "एक" || listed.contains(&k) && values[&k].len() > 1 {
                continue;
            }
            assert!(got.contains(&want), "{s} ({w} = {want}): got {got:?}");
            checked += 1;
        }
    }
    assert!(checked > 600, "only {checked} spellings checked");
}

/// The peers' list of attested spellings of 0–100 (the bundled development half).
#[test]
fn hindi_variant_list_of_the_peers() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/suites/numbers/lexicon_hi_0_100_variants.jsonl");
    let body = std::fs::read_to_string(path).expect("bundled variant list");
    let mut missed = Vec::new();
    let mut n = 0;
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let (text, want) = (
            case["text"].as_str().unwrap(),
            case["value"].as_f64().unwrap(),
        );
        n += 1;
        let got: Vec<f64> = figs(&format!("कुल {text} लोग"))
            .iter()
            .map(|(_, f)| f.value)
            .collect();
        if !got.contains(&want) {
            missed.push(format!("{text} = {want}: {got:?}"));
        }
    }
    assert!(n > 100);
    assert!(
        missed.is_empty(),
        "{} of {n} missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// Common words the spelling rules must not turn into numbers.
#[test]
fn spelling_rules_make_no_common_word_a_number() {
    for w in [
        "बाहर",
        "साथ",
        "सही",
        "तेरा",
        "पचा",
        "सतह",
        "चौक",
        "तीर",
        "बार",
        "सात्विक",
    ] {
        let got = figs(&format!("वह {w} गया।"));
        assert!(got.is_empty(), "{w}: {got:?}");
    }
}

#[test]
fn a_table_cell_after_a_date_is_a_count_not_its_year() {
    // One row of a day-by-day table: the date, the total, the day's new cases.
    let f = figs("05 अप्रैल\t3577\t\t505");
    let texts: Vec<&str> = f.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["3577", "505"]);
    assert_eq!(value("06 May\t4281\t704", "4281"), 4281.0);
    // Within a line, a year after a date stays part of the date.
    none("5 अप्रैल 2020");
    none("April 5, 2020");
}

#[test]
fn a_change_from_one_number_to_another_is_no_bound() {
    let f = one("संख्या 97 से बढ़कर 120 हो गई", "97");
    assert_eq!(f.qualifier, Q::Exact);
    assert_eq!(value("संख्या 97 से बढ़कर 120 हो गई", "120"), 120.0);
    // A bound is still a bound.
    assert_eq!(one("97 से बढ़कर लोग", "97 से बढ़कर लोग").qualifier, Q::MoreThan);
}

#[test]
fn a_row_of_cells_split_by_spaced_hyphens_is_no_range() {
    let f = figs("इटली - 827 - 12,462");
    let texts: Vec<&str> = f.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["827", "12,462"]);
    // A spaced hyphen between two numbers alone is still a range.
    assert_eq!(one("10 - 20 लोग", "10 - 20 लोग").qualifier, Q::Range);
}

/// The reader that tokenises a sentence once answers as a fresh reading of each place would, at
/// every character of sentences with numbers in words, digits, qualifiers and words cut at the
/// window's end.
#[test]
fn number_reader_agrees_with_a_fresh_reading() {
    let g = &Grammars::builtin().figure;
    let texts = [
        "सन उन्नीस सौ नब्बे में करीब पच्चीस हज़ार लोग और कम से कम दो सौ बीस बच्चे आए",
        "दो हज़ार बीस की तीसरी तिमाही में 1,200 से अधिक, लगभग साढ़े तीन लाख",
        "as many as twenty five thousand people, about 3.5 million, in nineteen ninety",
    ];
    let mut read = 0;
    for text in texts {
        let r = NumberReader::new(text, 0, text.len(), g);
        for (pos, _) in text.char_indices() {
            for width in [12, 40, 80] {
                let mut stop = text.len().min(pos + width);
                while !text.is_char_boundary(stop) {
                    stop -= 1;
                }
                let got = r.plain_number_at(pos, stop);
                assert_eq!(
                    got,
                    plain_number_prefix(&text[pos..stop], g),
                    "{text:?} at {pos}..{stop}"
                );
                read += usize::from(got.is_some());
            }
        }
    }
    // (the years and counts in words are read, not only refused alike)
    assert!(read > 20, "only {read} numbers read");
}
