"""Generates brushedit-models/src/test/resources/clip-tokenizer/parity.json.

Reference: OpenAI CLIP's clip/simple_tokenizer.py (openai/CLIP commit d05afc4), imported from a checkout
OUTSIDE this repository, fed the fixture vocabulary (merges.txt gzipped with its header line, which
SimpleTokenizer skips). For comparison only, each prompt also records whether the Hugging Face fast
CLIPTokenizer (transformers 5, tokenizers backend: NFC + whitespace folding + lower-casing, no ftfy, no
HTML unescaping) gives the same ids.

Usage: python clip_tokenizer_ids.py <dir containing simple_tokenizer.py and bpe.txt.gz> <fixture dir> <out.json>
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import simple_tokenizer  # noqa: E402  (OpenAI's file, from the checkout named above)
import ftfy  # noqa: E402
import regex  # noqa: E402
import transformers  # noqa: E402
from transformers import CLIPTokenizer  # noqa: E402

fixture = sys.argv[2]
ref = simple_tokenizer.SimpleTokenizer(sys.argv[1] + "/bpe.txt.gz")
hf = CLIPTokenizer(vocab=json.load(open(fixture + "/vocab.json", encoding="utf-8")),
                   merges=[tuple(m.split()) for m in
                           open(fixture + "/merges.txt", encoding="utf-8").read().strip().split("\n")[1:48895]])

P = []
# Ordinary SD prompts
P += [
    "a photo of a cat",
    "A photo of an astronaut riding a horse on Mars",
    "masterpiece, best quality, ultra-detailed, 8k, cinematic lighting, portrait of a woman",
    "a red sports car parked in front of a modern glass building at sunset",
    "oil painting of a lighthouse during a storm, dramatic waves, by Ivan Aivazovsky",
    "low quality, blurry, watermark, text, signature, jpeg artifacts",
    "remove the dog from the sofa",
    "replace the sky with a starry night",
    "make it look like winter",
    "add a hat to the man on the left",
    "Turn the apples into oranges.",
    "a cute corgi wearing sunglasses, studio photo, 85mm, f/1.8, bokeh",
    "isometric 3d render of a tiny island with a castle, trending on artstation",
    "ukiyo-e woodblock print of mount fuji",
    "photorealistic close-up of dew drops on a spider web",
    "Cyberpunk city street at night, neon signs, rain, reflections",
    "anime girl with long silver hair, blue eyes, school uniform",
    "empty room",
    "a",
    "cat",
]
# Case, contractions, apostrophes
P += [
    "IT'S A DOG'S LIFE",
    "it's, they're, we've, I'm, you'll, he'd, don't",
    "rock 'n' roll",
    "'s 't 're 've 'm 'll 'd",
    "o'clock o'Neil",
    "the cat's toys' box",
    "dogs'",
    "'quoted'",
    "ThIs Is MiXeD CaSe TeXt",
    "MacBook iPhone PlayStation",
]
# Punctuation and symbols
P += [
    "hello, world!",
    "what?! no... yes!!!",
    "(masterpiece:1.2), [blurry], {curly}, <angle>",
    "a--b---c -- d",
    "email@example.com https://example.com/path?a=1&b=2",
    "#hashtag @mention $100 50% ^caret* ~tilde `backtick` |pipe| \\backslash/",
    "semi;colon: colon",
    "!!!",
    "...",
    "a_b_c snake_case CamelCase kebab-case",
    "\"double quoted\" and 'single quoted'",
    "1+1=2; 3*4=12; 10/2=5",
    "<|startoftext|>",
    "a cat<|endoftext|>a dog",
    "<|STARTOFTEXT|> upper special",
    "<|endoftext",
]
# Numbers
P += [
    "1234567890",
    "3.14159 pi",
    "1,000,000 dollars",
    "year 2024 and 1999",
    "4k 8k 16k 1080p",
    "-5 degrees +10",
    "v1.5 sd-xl 2.1",
    "0.5 0.25 .75",
    "Ⅻ roman twelve and ½ half and ² squared",
    "٣ arabic-indic three, ७ devanagari seven",
]
# Accents, other scripts
P += [
    "café crème brûlée",
    "Ünïcödé àçcéñts",
    "naïve résumé façade",
    "Straße groß",
    "Ελληνικά γράμματα ΣΟΦΟΣ",
    "Русский текст, Москва",
    "עברית שלום",
    "العربية مرحبا",
    "हिन्दी नमस्ते",
    "ภาษาไทย",
    "한국어 고양이",
    "日本語の猫の写真",
    "中文：一只猫在沙发上",
    "ｶﾀｶﾅ halfwidth katakana",
    "Cafe\u0301 decomposed accent",
    "Å angstrom vs Å",
    "İstanbul ıi",
    "ǅemal and ǈudevit",
    "it'ſ a long s, ſtraße",
    "\u212a kelvin sign and \u212b angstrom sign",
    "ΣΑΣ ΟΔΟΣ final sigma",
    "a\u0345b ypogegrammeni",
    "ß ẞ sharp s",
    "ﬃ ligature then ＡＢＣ",
]
# Emoji
P += [
    "a cat 🐱 and a dog 🐶",
    "🔥🔥🔥",
    "family 👨‍👩‍👧‍👦 emoji zwj",
    "flag 🇯🇵 japan",
    "thumbs up 👍🏽 skin tone",
    "❤️ heart with variation selector",
    "★☆✓✔✗ symbols",
]
# ftfy fixes that change ordinary text
P += [
    "“curly double quotes” and ‘curly single quotes’",
    "it’s a dog’s life",
    "‛reversed‟ quotes ‚low„",
    "ʼn modifier apostrophe ʼ",
    "ﬁne ﬂowers ﬀ ﬃ ﬄ ﬅ ﬆ",
    "Ĳsselmeer ĳs",
    "ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ　１２３",
    "ｈｅｌｌｏ，ｗｏｒｌｄ！",
    "full　width　space",
    "zero\u200bwidth space",
    "soft\u00adhyphen",
    "bom\ufeffinside",
    "control\x07chars\x1b here",
    "terminal \x1b[31mred\x1b[0m escape",
    "c1 \x93quoted\x94 and \x85 and \x80",
    "line\r\nbreaks\rand\u2028separators\u2029end",
    "tab\tseparated\tvalues",
    "   leading and trailing spaces   ",
    "multiple     spaces   between",
    "new\n\nlines\n",
    "nbsp\u00a0here and thin\u2009space",
    "ideographic\u3000space",
    "\u2066isolate\u2069 marks",
    "interlinear\ufff9anno\ufffb",
]
# HTML entities
P += [
    "Tom &amp; Jerry",
    "&lt;b&gt;bold&lt;/b&gt;",
    "&quot;quoted&quot; &apos;apos&apos;",
    "caf&eacute; &Eacute;cole",
    "&NTILDE;O&ntilde;o uppercase entity",
    "&#39;numeric&#39; &#x27;hex&#x27;",
    "&#8217;curly numeric&#8217;",
    "&rsquo;named curly&rsquo;",
    "&amp;amp; double escaped",
    "&amp;amp;amp; triple escaped",
    "&copy; 2024 &trade; &reg;",
    "&nbsp;&nbsp;spaces",
    "&hellip; ellipsis &mdash; dash",
    "&amp without semicolon &lt3",
    "&notit; prefix entity",
    "&unknownentity; stays",
    "&#0; &#128; &#150; &#xD800; &#1114112;",
    "&#9731; snowman &#x1F600; grin",
    "5 < 6 &amp; 7 > 3",
    "a<b &rsquo; c",
    "first line &rsquo;\nsecond < line &rsquo;\nthird &rsquo;",
    "&",
    "&;",
    "&#;",
]
# Empty, whitespace, long
P += [
    "",
    " ",
    "\n\t ",
    "a " * 80,
    "masterpiece, best quality, " * 12 + "a cat",
    "supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
    "x" * 300,
    "A very long prompt describing a fantasy landscape with mountains, rivers, castles, dragons, knights, "
    "forests, waterfalls, villages, markets, merchants, wizards, towers, clouds, sunsets, moons, stars, "
    "ships, harbors, lighthouses, bridges, gardens, flowers, birds, butterflies, and many other things "
    "that together exceed the seventy-seven token limit of the CLIP text encoder by a wide margin.",
]

cases = []
hf_diff = []
for p in P:
    ids = ref.encode(p)
    hf_ids = hf(p, add_special_tokens=False)["input_ids"]
    agrees = hf_ids == ids
    if not agrees:
        hf_diff.append(p)
    cases.append({"text": p, "ids": ids, "hfFastAgrees": agrees})

out = {
    "reference": "openai/CLIP clip/simple_tokenizer.py @ d05afc436d78f1c48dc0dbf8e5980a9d471f35f6",
    "ftfy": ftfy.__version__,
    "regex": regex.__version__,
    "transformers": transformers.__version__,
    "python": sys.version.split()[0],
    "cases": cases,
}
with open(sys.argv[3], "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=True, indent=0)
print(len(cases), "cases;", len(hf_diff), "where the HF fast tokenizer differs:")
for p in hf_diff:
    print("  ", repr(p))
