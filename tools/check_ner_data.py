#!/usr/bin/env python3
"""Sanity checks for the outputs of tools/prepare_ner.py (data-cache/ner/NAME.jsonl).

Usage: .venv/bin/python tools/check_ner_data.py [--dir data-cache/ner] [NAME ...]

Per file: JSON schema, unique ids, span offsets within the text and on UTF-8 character
boundaries, spans sorted and non-overlapping, no span starting/ending in whitespace, labels in
the allowed set, gold spans on token boundaries (tokens are separated by " " or "\\n" only),
docs/sentences/tokens/entity counts against the source READMEs (CoNLL, GMB, WNUT, BBC), and
BBC text == article minus its title line. Prints a table; exit status 1 if anything fails.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("/work/shared/data")

COARSE = {"PER", "LOC", "ORG", "MISC"}
ONTONOTES = {"CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP",
             "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART"}

# Expected counts, from the READMEs in /work/shared/data (verified counts there).
# GMB: LOC = geo, ORG = org, PER = per, MISC = gpe + art + eve + nat; tim -> gold_tim.
# WNUT test: ORG = corporation + group, MISC = product + creative-work.
EXPECTED = {
    "conll_train": dict(docs=946, sentences=14041, tokens=203621,
                        gold={"PER": 6600, "LOC": 7140, "ORG": 6321, "MISC": 3438}),
    "conll_testa": dict(docs=216, sentences=3250, tokens=51362,
                        gold={"PER": 1842, "LOC": 1837, "ORG": 1341, "MISC": 922}),
    "conll_testb": dict(docs=231, sentences=3453, tokens=46435,
                        gold={"PER": 1617, "LOC": 1668, "ORG": 1661, "MISC": 702}),
    "gmb_train": dict(docs=(38367 + 19) // 20, sentences=38367, tokens=839237, tim=16228,
                      gold={"LOC": 30092, "ORG": 16061, "PER": 13670, "MISC": 12627 + 320 + 262 + 153}),
    "gmb_dev": dict(docs=(4796 + 19) // 20, sentences=4796, tokens=105396, tim=2057,
                    gold={"LOC": 3832, "ORG": 1951, "PER": 1669, "MISC": 1583 + 39 + 19 + 33}),
    "gmb_test": dict(docs=(4796 + 19) // 20, sentences=4796, tokens=103942, tim=2048,
                     gold={"LOC": 3720, "ORG": 2131, "PER": 1651, "MISC": 1660 + 43 + 27 + 15}),
    "wnut_test": dict(docs=1287, sentences=1287, tokens=23394,
                      gold={"PER": 429, "LOC": 150, "ORG": 66 + 165, "MISC": 127 + 142}),
    "bbc_train": dict(docs=1782, gold={}),
    "bbc_validation": dict(docs=222, gold={}),
    "bbc_test": dict(docs=221, gold={}),
}
BBC_SRC = {"bbc_train": "train.jsonl", "bbc_validation": "validation.jsonl", "bbc_test": "test.jsonl"}


def is_char_boundary(b: bytes, i: int) -> bool:
    return i == len(b) or (0 <= i < len(b) and (b[i] & 0xC0) != 0x80)


def check_file(name: str, path: Path):
    errs: list[str] = []

    def err(msg):
        if len(errs) < 20:
            errs.append(msg)
        elif len(errs) == 20:
            errs.append("... (more errors suppressed)")

    exp = EXPECTED.get(name, {})
    token_based = not name.startswith("bbc")
    bbc_src = {}
    if name in BBC_SRC:
        for ln in (DATA / "bbc_news_summary" / BBC_SRC[name]).read_text(encoding="utf-8").split("\n"):
            if ln.strip():
                r = json.loads(ln)
                bbc_src[r["id"]] = r
    st = Counter()
    gold_lab, silver_lab = Counter(), Counter()
    ids = set()
    with open(path, encoding="utf-8") as f:
        for lineno, ln in enumerate(f, 1):
            d = json.loads(ln)
            did = d.get("id", f"line{lineno}")
            need = {"id", "text", "gold", "silver"} | ({"gold_tim"} if name.startswith("gmb") else set()) \
                | ({"title"} if name.startswith("bbc") else set())
            if not need <= d.keys() or not isinstance(d["id"], str) or not isinstance(d["text"], str):
                err(f"{did}: bad schema {sorted(d.keys())}")
                continue
            if did in ids:
                err(f"{did}: duplicate id")
            ids.add(did)
            text = d["text"]
            b = text.encode("utf-8")
            st["docs"] += 1
            st["nonascii_docs"] += not text.isascii()
            if token_based:
                lines = text.split("\n")
                st["sentences"] += len(lines)
                st["tokens"] += sum(len(x.split(" ")) for x in lines)
            else:
                src = bbc_src.get(did)
                if src is None or src["title"] + "\n\n" + text != src["article"] or d["title"] != src["title"]:
                    err(f"{did}: text is not the article body minus its title line")
            for key, allowed in (("gold", COARSE), ("gold_tim", {"DATE"}), ("silver", ONTONOTES)):
                if key not in d:
                    continue
                prev = 0
                for sp in d[key]:
                    if not (isinstance(sp, list) and len(sp) == 3 and isinstance(sp[0], int)
                            and isinstance(sp[1], int) and isinstance(sp[2], str)):
                        err(f"{did}: {key}: malformed span {sp!r}")
                        continue
                    s, e, lab = sp
                    if lab not in allowed:
                        err(f"{did}: {key}: label {lab!r} not allowed")
                    if not (0 <= s < e <= len(b)):
                        err(f"{did}: {key}: span {sp} out of range (len {len(b)})")
                        continue
                    if s < prev:
                        err(f"{did}: {key}: span {sp} unsorted/overlapping (prev end {prev})")
                    prev = e
                    if not (is_char_boundary(b, s) and is_char_boundary(b, e)):
                        err(f"{did}: {key}: span {sp} not on a UTF-8 char boundary")
                        continue
                    t = b[s:e].decode("utf-8")
                    if t != t.strip():
                        err(f"{did}: {key}: span {sp} {t!r} starts/ends with whitespace")
                    if "\n" in t:
                        st[f"{key}_cross_line"] += 1
                    if key != "silver" and token_based:
                        if not ((s == 0 or b[s - 1] in b" \n") and (e == len(b) or b[e] in b" \n")):
                            err(f"{did}: {key}: span {sp} {t!r} not on token boundaries")
                    if key == "gold":
                        gold_lab[lab] += 1
                    elif key == "gold_tim":
                        st["tim"] += 1
                    else:
                        silver_lab[lab] += 1
    # expected counts
    for k in ("docs", "sentences", "tokens", "tim"):
        if k in exp and st[k] != exp[k]:
            err(f"{k}: got {st[k]}, README says {exp[k]}")
    if "gold" in exp and dict(gold_lab) != {k: v for k, v in exp["gold"].items() if v}:
        err(f"gold by label: got {dict(sorted(gold_lab.items()))}, README says {exp['gold']}")
    return st, gold_lab, silver_lab, errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=ROOT / "data-cache" / "ner")
    ap.add_argument("names", nargs="*", default=list(EXPECTED))
    args = ap.parse_args()
    rows, silver_total, bad = [], Counter(), False
    for name in args.names:
        path = args.dir / f"{name}.jsonl"
        if not path.exists():
            rows.append((name, "MISSING"))
            bad = True
            continue
        st, g, s, errs = check_file(name, path)
        silver_total += s
        exp_g = sum(EXPECTED.get(name, {}).get("gold", {}).values())
        rows.append((name, st, g, s, exp_g, errs))
        bad |= bool(errs)
    hdr = f"{'name':<15} {'docs':>6} {'sents':>7} {'tokens':>8} {'gold':>7} {'README':>7} {'PER':>6} {'LOC':>6} " \
          f"{'ORG':>6} {'MISC':>6} {'tim':>6} {'silver':>7} {'nonascii':>8}  status"
    print(hdr)
    print("-" * len(hdr))
    for r in rows:
        if r[1] == "MISSING":
            print(f"{r[0]:<15} MISSING")
            continue
        name, st, g, s, exp_g, errs = r
        print(f"{name:<15} {st['docs']:>6} {st['sentences'] or '-':>7} {st['tokens'] or '-':>8} "
              f"{sum(g.values()):>7} {exp_g or '-':>7} {g['PER']:>6} {g['LOC']:>6} {g['ORG']:>6} {g['MISC']:>6} "
              f"{st['tim'] if name.startswith('gmb') else '-':>6} {sum(s.values()):>7} {st['nonascii_docs']:>8}  "
              f"{'OK' if not errs else 'FAIL'}")
    for r in rows:
        if r[1] != "MISSING" and r[5]:
            print(f"\n{r[0]} errors:")
            for e in r[5]:
                print("  " + e)
    print("\nsilver labels (all files):")
    tot = sum(silver_total.values())
    for lab, n in silver_total.most_common():
        print(f"  {lab:<12} {n:>8} {100 * n / tot:5.1f}%")
    cross = {r[0]: r[1]["silver_cross_line"] for r in rows if r[1] != "MISSING" and r[1]["silver_cross_line"]}
    if cross:
        print(f"\nsilver spans crossing a line break (sentence boundary in token-based sets): {cross}")
    print("\nALL OK" if not bad else "\nFAILED")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
