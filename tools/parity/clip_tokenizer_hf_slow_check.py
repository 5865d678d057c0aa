"""Compares the slow (Python, ftfy-based) Hugging Face CLIPTokenizer with the OpenAI ids in parity.json.

transformers 5 no longer has the slow tokenizer, so this was run with transformers 4.46.3 installed with
`pip install --target <dir> --no-deps transformers==4.46.3` (its tokenizers-version check disabled; the slow
tokenizer does not use tokenizers) on top of the /work/pyenv packages (ftfy 6.3.1).

Usage: python clip_tokenizer_hf_slow_check.py <dir with transformers 4.x> <fixture dir> <parity.json>
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
from transformers.models.clip.tokenization_clip import CLIPTokenizer  # noqa: E402

tok = CLIPTokenizer(sys.argv[2] + "/vocab.json", sys.argv[2] + "/merges.txt")
assert tok.fix_text is not None, "ftfy must be installed, else the slow tokenizer uses BasicTokenizer"
data = json.load(open(sys.argv[3], encoding="utf-8"))
diff = [c["text"] for c in data["cases"] if tok(c["text"], add_special_tokens=False)["input_ids"] != c["ids"]]
print(len(data["cases"]), "cases;", len(diff), "differ from OpenAI CLIP:")
for d in diff:
    print("  ", repr(d))
