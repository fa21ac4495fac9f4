"""The recogniser's vocabulary (index 0 = CTC blank) and the greedy longest-first tokeniser."""
from __future__ import annotations

import json
from pathlib import Path

DIGITS = list("0123456789")
SYLLABLES = list("가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주바사아자배하허호")
REGIONS = ["서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남",
           "전북", "전남", "경북", "경남", "제주"]
DIPLOMATIC = ["외교", "영사", "준외", "준영", "국기", "협정", "대표"]
MILITARY = ["육", "해", "공", "국", "합"]
DASH = ["-"]
BLANK = "<blank>"

TOKENS = [BLANK] + DIGITS + SYLLABLES + REGIONS + DIPLOMATIC + MILITARY + DASH
assert len(SYLLABLES) == 40 and len(REGIONS) == 17 and len(set(TOKENS)) == len(TOKENS)
INDEX = {t: i for i, t in enumerate(TOKENS)}
MAX_TOKEN_LEN = max(len(t) for t in TOKENS[1:])


class UnknownText(ValueError):
    pass


def normalise(text: str) -> str:
    """Plate text as the recogniser reads it: no whitespace."""
    return "".join(text.split())


def encode(text: str) -> list[int]:
    """Greedy longest-first: at each position the longest vocabulary token that matches (so 국기 is one
    token, 국 alone the military letter)."""
    s = normalise(text)
    out: list[int] = []
    i = 0
    while i < len(s):
        for n in range(MAX_TOKEN_LEN, 0, -1):
            tok = s[i:i + n]
            if len(tok) == n and tok in INDEX:
                out.append(INDEX[tok])
                i += n
                break
        else:
            raise UnknownText(f"{text!r}: no vocabulary token at {s[i:]!r}")
    return out


def split_lines(ids: list[int], layout: str) -> tuple[list[int], list[int]]:
    """The training target of each of the recogniser's two rows (models/plates/README.md, time axis): a two-line
    plate's upper line (its region token and the type digits after it) in the top row and the rest (syllable and
    serial) in the bottom row; a one-line plate wholly in the bottom row, the top row blank. Read top row then
    bottom row, the two are the plate's text."""
    if layout != "two-line":
        return [], list(ids)
    region = set(INDEX[r] for r in REGIONS)
    digit = set(INDEX[d] for d in DIGITS)
    if not ids or ids[0] not in region:
        raise UnknownText(f"{decode(ids)!r}: a two-line plate that does not start with a region")
    n = 1
    while n < len(ids) and ids[n] in digit:
        n += 1
    if n == 1 or n == len(ids):
        raise UnknownText(f"{decode(ids)!r}: a two-line plate without type digits or without a lower line")
    return list(ids[:n]), list(ids[n:])


def decode(ids) -> str:
    return "".join(TOKENS[i] for i in ids if i != 0)


def vocab_json() -> dict:
    return {
        "version": 1,
        "blank": 0,
        "tokenisation": "greedy longest-first over the plate text with whitespace removed",
        "size": len(TOKENS),
        "tokens": TOKENS,
    }


def write_vocab(path: Path) -> None:
    path.write_text(json.dumps(vocab_json(), ensure_ascii=False, indent=1) + "\n")
