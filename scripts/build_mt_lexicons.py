#!/usr/bin/env python3
"""Rebuild the derived word lists of the machine-translation rules.

    python3 scripts/build_mt_lexicons.py ../shared/corpora

Writes grammars/hi/mt/lexicon_hi.toml (Hindi word frequencies from native Hindi news) and
grammars/hi/mt/english_words.toml (English content words: the lowercase words of the English
side of NTREX-128, CC BY-SA 4.0, plus a curated list kept in this script).

The Hindi list is built from one half of the native corpora only (documents whose FNV-1a hash of the id
is even); the other half measures false alarms (tests/mt_eval.rs uses the same split), so the
false-alarm figure is not measured on the text the lexicon was built from. Only word forms and
frequency bands are written, never text.
"""
import glob, json, os, re, sys, unicodedata
from collections import Counter

NUKTA = {'क़': 'क', 'ख़': 'ख', 'ग़': 'ग', 'ज़': 'ज', 'ड़': 'ड', 'ढ़': 'ढ', 'फ़': 'फ', 'य़': 'य', 'ऱ': 'र', 'ऩ': 'न', 'ऴ': 'ळ'}
TOK = re.compile(r'[\u0900-\u0963\u0971-\u097f\u200c\u200d]+')


def norm(w):
    """The same normalisation as src/mt/normalize.rs: NFC, no nukta, chandrabindu as anusvara, no joiners."""
    w = unicodedata.normalize('NFC', w)
    for a, b in NUKTA.items():
        w = w.replace(a, b)
    for z in ('\u093c', '\u200d', '\u200c', '\u200b'):
        w = w.replace(z, '')
    return w.replace('ँ', 'ं')


def half(doc_id):
    """0: the lexicon half; 1: the evaluation half. FNV-1a (64-bit) of the id, so the Rust
    evaluation (tests/mt_eval.rs) can make the same split without a hashing crate."""
    h = 0xcbf29ce484222325
    for b in doc_id.encode():
        h ^= b
        h = (h * 0x100000001b3) % (1 << 64)
    return h % 2


def native_docs(root):
    for l in open(f'{root}/hi_bbc_hindi_news/bbc_hindi_test.jsonl', encoding='utf-8'):
        r = json.loads(l)
        yield r['id'], r['text']
    for l in open(f'{root}/hi_fire2018_disaster_events/fire2018_events.jsonl', encoding='utf-8'):
        r = json.loads(l)
        yield r['id'], r['text']
    for f in sorted(glob.glob(f'{root}/hi_covid_5outlets/*.txt')):
        yield os.path.basename(f), open(f, encoding='utf-8', errors='replace').read()


CURATED = """
barter stockpile coastal tourist tourism tourists resort zone warfare munitions ammunition
artillery missile missiles drone drones troops soldiers workers worker treaty treaties sanction sanctions
sanctioned counterpart summit ministry minister spokesperson spokesman spokeswoman delegation envoy ambassador
embassy alliance partnership strategic security defence defense military intelligence assessment independent
verify verified estimate estimated shipment shipments supply supplies supplying weapon weapons shell shells
combat frontline offensive invasion occupied occupation ceasefire negotiation negotiations talks dialogue round
cooperation bilateral maritime transport shipping logistics infrastructure deployment deployed battlefield
experience modern conflict region regional province county counties country countries nation nations global
international economy economic inflation recession market markets investment investor investors stock stocks
bond bonds currency exchange revenue profit profits loss losses budget deficit surplus tariff tariffs trade
export exports import imports factory factories production output growth forecast outlook quarter annual
election elections vote votes voter voters campaign candidate candidates parliament senate congress committee
court judge verdict lawsuit lawyer lawyers attorney prosecutor prosecutors investigation investigators police
officer officers arrest arrested suspect suspects victim victims hospital patients patient doctor doctors
vaccine vaccines virus infection infections outbreak pandemic lockdown quarantine testing tested positive
negative cases death deaths injured rescue emergency disaster flood floods earthquake storm hurricane cyclone
wildfire drought climate carbon emissions energy power electricity fuel gas oil pipeline renewable solar wind
nuclear reactor uranium enrichment inspector inspectors agency agencies report reports reporter statement
announcement conference briefing interview press media channel network broadcast broadcaster newspaper
editor headline breaking update updated official officials authority authorities government administration
president prime secretary chancellor governor mayor chief director executive chairman board company companies
corporation firm startup technology software hardware internet online digital platform platforms social user
users account accounts data privacy cyber attack attacks hacker hackers breach leak leaked document documents
evidence witness witnesses testimony hearing appeal sentence sentenced prison jail release released detained
detention refugee refugees migrant migrants border borders asylum humanitarian aid relief donation donors
charity volunteer volunteers protest protests protesters demonstration rally strike strikes union unions
workers wage wages salary salaries pension employment unemployment jobs labour labor shortage shortages
crisis recovery stimulus package reform reforms policy policies regulation regulations regulator compliance
approval approved permit license licence contract contracts deal deals agreement agreements memorandum
framework architecture conference forum assembly association marathon milestone
landmark breakthrough setback surge slump plunge rally soar boost cut cuts hike hikes rate rates interest
lending loan loans debt debts credit mortgage housing rent property estate construction project projects
ribbon cutting ceremony inauguration celebration anniversary festival tournament championship match player
players coach team teams league season score goal goals victory defeat win wins draw fans stadium
"""


def english_words(root):
    lc, uc = Counter(), Counter()
    for l in open(f'{root}/en_hi_ntrex_news/ntrex_docs.jsonl', encoding='utf-8'):
        r = json.loads(l)
        if r.get('lang') != 'en':
            continue
        for seg in r['text'].split('\n'):
            ws = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", seg)
            for k, w in enumerate(ws):
                if k == 0:
                    continue
                if w.islower():
                    lc[w] += 1
                elif w[0].isupper():
                    uc[w.lower()] += 1
    # A word written lowercase mid-sentence at least twice as often as capitalised is a
    # content word, not a name.
    words = {w for w in lc if lc[w] >= 2 * uc.get(w, 0) and len(w) >= 3 and "'" not in w}
    words |= set(CURATED.split())
    return sorted(words)


def wrap(words, width=110):
    lines, cur = [], ''
    for w in words:
        if len(cur) + len(w) + 1 > width:
            lines.append(cur)
            cur = ''
        cur = (cur + ' ' + w).strip()
    if cur:
        lines.append(cur)
    return '\n'.join(lines)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpora'
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'grammars', 'hi', 'mt')
    c = Counter()
    docs = 0
    for doc_id, text in native_docs(root):
        if half(doc_id) == 0:
            docs += 1
            c.update(norm(m.group()) for m in TOK.finditer(text))
    # Professional human translations of news (NTREX-128 Hindi side, CC BY-SA 4.0): words human
    # translators use are not evidence of a machine either.
    ntrex = Counter()
    for l in open(f'{root}/en_hi_ntrex_news/ntrex_docs.jsonl', encoding='utf-8'):
        r = json.loads(l)
        if r.get('lang') == 'hi':
            ntrex.update(norm(m.group()) for m in TOK.finditer(r['text']))
    common = sorted(w for w, v in c.items() if v >= 10)
    seen = sorted(
        {w for w, v in c.items() if v < 10} | {w for w, v in ntrex.items() if v >= 2 and c[w] < 10}
    )
    with open(os.path.join(here, 'lexicon_hi.toml'), 'w', encoding='utf-8') as f:
        f.write('# Generated by scripts/build_mt_lexicons.py — do not edit by hand.\n')
        f.write(f'# Hindi word forms of native Hindi news: one half ({docs} documents, chosen by the FNV-1a hash of the id)\n')
        f.write('# of BBC Hindi (test split), FIRE 2018 Hindi newswire and the COVID-19 five-outlet corpus;\n')
        f.write('# `seen` also holds words used twice or more by the human Hindi side of NTREX-128 (CC BY-SA 4.0).\n')
        f.write('# Normalised: NFC, nukta dropped, chandrabindu as anusvara. Only word forms and bands, no text.\n')
        f.write('description = "Hindi word frequency bands from native Hindi news: common (10+ in native news), seen (1-9 in native news, or 2+ in NTREX human translations)"\n')
        f.write(f'common = """\n{wrap(common)}\n"""\n')
        f.write(f'seen = """\n{wrap(seen)}\n"""\n\n')
        f.write('[[example]]\n')
        f.write('text = "सरकार ने लॉकडाउन की अवधि बढ़ाने का फैसला किया है।"\n')
        f.write('absent = [{ kind = "sentence", mt = { flagged = true } }]\n')
    en = english_words(root)
    with open(os.path.join(here, 'english_words.toml'), 'w', encoding='utf-8') as f:
        f.write('# Generated by scripts/build_mt_lexicons.py — do not edit by hand.\n')
        f.write('# English content words: words written lowercase mid-sentence in the English side of NTREX-128\n')
        f.write('# (MicrosoftTranslator/NTREX, CC BY-SA 4.0), plus the curated list in the script.\n')
        f.write('description = "English content words the transliteration detector compares Devanagari tokens against"\n')
        f.write(f'words = """\n{wrap(en)}\n"""\n\n')
        f.write('[[example]]\n')
        f.write('text = "पश्चिमी सरकारों ने हथियारों के लिए बार्टरिंग का आरोप लगाया है।"\n')
        f.write('expect = [{ kind = "finding", code = "M004", text = "बार्टरिंग" }]\n')
    print(f'{docs} docs, {len(common)} common, {len(seen)} seen, {len(en)} English words')


if __name__ == '__main__':
    main()
