"""ROUGE of the newslens summary on the BBC News Summary data, next to the lead baselines.

Usage (from the repository root, with the Python of tools/venv.sh):
    python tools/eval_summary.py                      # the test split: the reported figures
    python tools/eval_summary.py --split validation   # for tuning
    python tools/eval_summary.py --no-title           # without the title option

Metric (docs/summary.md, ../shared/notes/evaluation.md): rouge-score 0.1.2
ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 with the Porter stemmer, averaged over
articles. The summarised text is the article body without its title line; the
title goes in the `title` option. Summary and reference are split into
sentences by the newslens sentence splitter, one per line (ROUGE-Lsum).
Two settings:
  - length-matched: a word budget equal to the reference's whitespace word
    count (`summary: {words: N}`): sentences are taken best first until their
    words reach the budget, the last one may go over;
  - 3 sentences (`summary: {sentences: 3}`).
The baselines come from the same sentences and word counts: lead (first
sentences until the budget is reached) and lead-3. Runs the release `newslens`
CLI (built here with --features cli).
"""

import argparse
import os
import sys

from rouge_score import rouge_scorer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summary_data import binary, body, load, run_jsonl  # noqa: E402

METRICS = ["rouge1", "rouge2", "rougeLsum"]
WORD_KINDS = {"word", "number", "abbreviation"}


def utf16_slice(text, start, end):
    b = text.encode("utf-16-le")
    return b[2 * start:2 * end].decode("utf-16-le")


def sentences_of(text, analysis):
    return [utf16_slice(text, s["start"], s["end"]) for s in analysis["sentences"]]


def word_counts(analysis):
    """Words per sentence as the Rust summary counts them (word, number, abbreviation tokens)."""
    counts, t, toks = [], 0, analysis["tokens"]
    for s in analysis["sentences"]:
        n = 0
        while t < len(toks) and toks[t]["start"] < s["start"]:
            t += 1
        while t < len(toks) and toks[t]["end"] <= s["end"]:
            n += toks[t]["kind"] in WORD_KINDS
            t += 1
        counts.append(n)
    return counts


def lead_budget(words, budget):
    chosen, total = [], 0
    for i, n in enumerate(words):
        if total >= budget:
            break
        chosen.append(i)
        total += n
    return chosen


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test", choices=["train", "validation", "test"])
    ap.add_argument("--no-title", action="store_true", help="do not pass the title option")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    a = ap.parse_args()
    rows = load(a.split)
    if a.limit:
        rows = rows[: a.limit]
    exe = binary("newslens", "cli")
    inputs = []
    for r in rows:
        text = body(r["article"])
        budget = len(r["summary"].split())
        base = {"tokens": True}
        if not a.no_title:
            base["title"] = r["title"]
        inputs.append({"id": "words", "text": text, "options": {**base, "summary": {"words": budget}}})
        inputs.append({"id": "three", "text": text, "options": {**base, "summary": {"sentences": 3}}})
        inputs.append({"id": "ref", "text": r["summary"]})
    out = run_jsonl(exe, ["analyze"], inputs)
    bad = [o for o in out if "error" in o]
    if bad or len(out) != len(inputs):
        sys.exit(f"newslens failed: {bad[:3]}")
    scorer = rouge_scorer.RougeScorer(METRICS, use_stemmer=True)
    systems = ["lead (word budget)", "newslens (word budget)", "lead-3", "newslens (3 sentences)"]
    totals = {s: [0.0] * 3 for s in systems}
    chosen_words = {s: 0 for s in systems}
    for k, r in enumerate(rows):
        text = body(r["article"])
        words_a, three_a, ref_a = out[3 * k: 3 * k + 3]
        sents = sentences_of(text, words_a)
        counts = word_counts(words_a)
        reference = "\n".join(sentences_of(r["summary"], ref_a))
        budget = len(r["summary"].split())
        picks = {
            "lead (word budget)": lead_budget(counts, budget),
            "newslens (word budget)": words_a["summary"]["sentences"],
            "lead-3": list(range(min(3, len(sents)))),
            "newslens (3 sentences)": three_a["summary"]["sentences"],
        }
        for name, idx in picks.items():
            score = scorer.score(reference, "\n".join(sents[i] for i in idx))
            for j, m in enumerate(METRICS):
                totals[name][j] += score[m].fmeasure
            chosen_words[name] += sum(counts[i] for i in idx)
    n = len(rows)
    ref_words = sum(len(r["summary"].split()) for r in rows) / n
    print(f"BBC News Summary {a.split}: {n} articles, title option {'off' if a.no_title else 'on'}, "
          f"reference {ref_words:.1f} words on average")
    print(f"{'system':<26} {'R-1':>5} {'R-2':>5} {'R-Lsum':>6} {'words':>6}")
    for s in systems:
        r1, r2, rl = (100 * v / n for v in totals[s])
        print(f"{s:<26} {r1:5.1f} {r2:5.1f} {rl:6.1f} {chosen_words[s] / n:6.1f}")


if __name__ == "__main__":
    main()
