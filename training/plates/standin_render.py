"""STAND-IN renderer, used only when the project's generator (`npm run plates:generate`) is not in the
working tree, or when asked with --generator standin. It writes the generator's contract (crops/ +
crops.jsonl, frames/ + frames.jsonl) so the pipeline can be built and tested before the generator lands.
It is deliberately simple (Debian Nanum/Un fonts, flat colours, perspective, blur, noise, low light);
models trained on it say so in their cards. Deterministic for a seed.

    python standin_render.py --seed S --crops N --frames M --out DIR
"""
from __future__ import annotations

import argparse
import io
import json
import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

import vocab

# The same split as the project's generator (recognition/synth/plate-fonts.ts): training fonts, and the
# held-out fonts that only evaluation uses.
FONT_ROOT = "/usr/share/fonts/"
TRAINING_FONTS = ["truetype/nanum/NanumGothicExtraBold.ttf", "truetype/nanum/NanumGothicBold.ttf",
                  "truetype/nanum/NanumSquareEB.ttf", "truetype/nanum/NanumSquareB.ttf",
                  "truetype/nanum/NanumSquareRoundEB.ttf", "truetype/unfonts-core/UnDotumBold.ttf",
                  "truetype/unfonts-core/UnGraphicBold.ttf", "truetype/baekmuk/hline.ttf", "truetype/baekmuk/gulim.ttf"]
HELD_OUT_FONTS = ["opentype/noto/NotoSansCJK-Bold.ttc", "truetype/nanum/NanumBarunGothicBold.ttf",
                  "truetype/unfonts-core/UnDinaruBold.ttf", "truetype/baekmuk/dotum.ttf"]
COLOURS = {  # background, text
    "white": ((245, 245, 240), (20, 20, 20)), "yellow": ((240, 200, 40), (20, 20, 20)),
    "blue": ((120, 190, 230), (20, 20, 30)), "green-light": ((170, 215, 170), (15, 15, 15)),
    "navy": ((25, 40, 90), (240, 240, 240)), "green": ((40, 110, 60), (240, 240, 240)),
}


def fonts(selection: str) -> list[str]:
    names = TRAINING_FONTS if selection == "training" else HELD_OUT_FONTS
    out = [FONT_ROOT + f for f in names if Path(FONT_ROOT + f).exists()]
    if not out:
        raise SystemExit("stand-in renderer: none of its fonts installed (fonts-nanum, fonts-nanum-extra, "
                         "fonts-unfonts-core, fonts-baekmuk, fonts-noto-cjk)")
    return out


def sample_plate(r: random.Random) -> dict:
    d = lambda n: "".join(r.choice("0123456789") for _ in range(n))  # noqa: E731
    kind = r.choice(["national3", "national3", "national2", "regional", "regional", "diplomatic", "military",
                     "commercial", "rental", "delivery", "electric"])
    syl = r.choice(vocab.SYLLABLES[:32])
    colour = "white"
    if kind == "commercial":
        syl, colour = r.choice("바사아자"), "yellow"
    elif kind == "delivery":
        syl, colour = "배", "yellow"
    elif kind == "rental":
        syl = r.choice("하허호")
    elif kind == "electric":
        colour = "blue"
    if kind in ("national3", "commercial", "rental", "delivery", "electric"):
        kind_out = "national"
        parts = [d(3) if kind != "commercial" or r.random() < 0.5 else d(2), syl, d(4)]
        layout = "one-line"
        if kind == "national3" and r.random() < 0.15:
            colour = "green-light"
    elif kind == "national2":
        kind_out, parts, layout = "national", [d(2), syl, d(4)], "one-line"
        if r.random() < 0.2:
            colour = "green"
    elif kind == "regional":
        kind_out = "regional"
        region = r.choice(vocab.REGIONS)
        s = r.choice("바사아자배") if r.random() < 0.6 else syl
        colour = "yellow" if s in "바사아자배" else "white"
        parts = [region + d(r.choice([1, 2])), s, d(4)]
        layout = "two-line" if r.random() < 0.7 else "one-line"
    elif kind == "diplomatic":
        kind_out, colour, layout = "diplomatic", "navy", "one-line"
        parts = [r.choice(vocab.DIPLOMATIC), d(3) + ("-" if r.random() < 0.6 else "") + d(3)]
    else:
        kind_out, layout = "military", "one-line"
        parts = [d(2), r.choice(vocab.MILITARY), d(4)]
    return {"parts": parts, "text": "".join(parts), "kind": kind_out, "layout": layout, "colour": colour}


def render_crop(r: random.Random, plate: dict, font_path: str) -> Image.Image:
    bg, fg = COLOURS[plate["colour"]]
    W, H = 192, 64
    img = Image.new("RGB", (W * 2, H * 2), bg)
    dr = ImageDraw.Draw(img)
    dr.rectangle([2, 2, W * 2 - 3, H * 2 - 3], outline=fg, width=3)

    def fit(text: str, box_w: int, box_h: int, y0: int, x0: int = 0) -> None:
        size = box_h
        font = ImageFont.truetype(font_path, size)
        bbox = dr.textbbox((0, 0), text, font=font)
        tw, th = bbox[2] - bbox[0], bbox[3] - bbox[1]
        sx = min(1.0, box_w / max(tw, 1))
        layer = Image.new("L", (tw + 4, th + 4), 0)
        ImageDraw.Draw(layer).text((2 - bbox[0], 2 - bbox[1]), text, font=font, fill=255)
        layer = layer.resize((max(1, int((tw + 4) * sx)), int((th + 4) * box_h / max(th + 4, 1) * 0.92)))
        x = x0 + (box_w - layer.width) // 2
        img.paste(Image.new("RGB", layer.size, fg), (x + r.randint(-4, 4), y0 + r.randint(-3, 3)), layer)

    if plate["layout"] == "two-line":
        fit(plate["parts"][0], int(W * 1.2), int(H * 0.75), 8, int(W * 0.4))
        fit(plate["parts"][1] + plate["parts"][2], W * 2 - 24, int(H * 1.05), int(H * 0.85), 12)
    else:
        fit(" ".join(plate["parts"]) if r.random() < 0.5 else plate["text"], W * 2 - 28, int(H * 1.3), int(H * 0.3), 14)
    for _ in range(2):  # screws
        x = r.choice([int(W * 0.4), int(W * 1.6)])
        dr.ellipse([x - 5, 10, x + 5, 20], fill=tuple(max(0, c - 60) for c in bg))
    img = img.resize((W, H), Image.BILINEAR)
    return degrade(r, img, small=True)


def degrade(r: random.Random, img: Image.Image, small: bool) -> Image.Image:
    if r.random() < 0.5:
        img = img.filter(ImageFilter.GaussianBlur(r.uniform(0.2, 1.4 if small else 1.8)))
    f = r.uniform(0.35, 1.15) if r.random() < 0.4 else r.uniform(0.8, 1.1)
    img = img.point(lambda v: max(0, min(255, int(v * f + r.uniform(-1, 1)))))
    if r.random() < 0.3:
        img = img.convert("L").convert("RGB")  # IR-like
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=r.randint(35, 95))
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def perspective_coeffs(src, dst):
    """Coefficients for Image.transform(PERSPECTIVE) mapping output (dst) points to input (src) points."""
    import numpy as np
    A, b = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); b.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); b.append(v)
    return list(np.linalg.solve(np.array(A, float), np.array(b, float)))


def render_frame(r: random.Random, fonts_: list[str], W=1280, H=720):
    sky = tuple(r.randint(40, 200) for _ in range(3))
    img = Image.new("RGB", (W, H), sky)
    dr = ImageDraw.Draw(img)
    dr.rectangle([0, int(H * r.uniform(0.25, 0.5)), W, H], fill=tuple(r.randint(50, 120) for _ in range(3)))
    for _ in range(r.randint(3, 12)):  # clutter, including plate-like rectangles without text
        x, y = r.randint(0, W), r.randint(0, H)
        dr.rectangle([x, y, x + r.randint(10, 300), y + r.randint(5, 150)], fill=tuple(r.randint(0, 255) for _ in range(3)))
    plates = []
    boxes = []
    for _ in range(r.choice([0, 1, 1, 1, 2, 2, 3, 4])):
        p = sample_plate(r)
        crop = render_crop(r, p, r.choice(fonts_))
        pw = int(math.exp(r.uniform(math.log(40), math.log(320))))
        ph = pw * (r.uniform(0.25, 0.36) if p["layout"] == "one-line" else r.uniform(0.45, 0.6))
        cx, cy = r.uniform(pw * 0.7, W - pw * 0.7), r.uniform(ph * 2 + 40, H - ph * 1.5)
        car_w = pw * r.uniform(3, 4.5)
        box = (cx - car_w / 2, cy - car_w * 0.6, cx + car_w / 2, cy + ph * 1.5)
        if any(not (box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]) for b in boxes):
            continue
        boxes.append(box)
        dr.rounded_rectangle(box, radius=int(car_w * 0.1), fill=tuple(r.randint(10, 240) for _ in range(3)))
        ang = math.radians(r.uniform(-12, 12))
        skew = r.uniform(-0.2, 0.2)
        base = [(-pw / 2, -ph / 2), (pw / 2, -ph / 2), (pw / 2, ph / 2), (-pw / 2, ph / 2)]
        corners = []
        for i, (x, y) in enumerate(base):
            x2 = x + skew * y
            y2 = y * (1 + (0.12 * skew * (1 if i in (1, 2) else -1)))
            corners.append((cx + x2 * math.cos(ang) - y2 * math.sin(ang), cy + x2 * math.sin(ang) + y2 * math.cos(ang)))
        coeffs = perspective_coeffs([(0, 0), (192, 0), (192, 64), (0, 64)], corners)
        warped = crop.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BILINEAR)
        mask = Image.new("L", (192, 64), 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BILINEAR)
        img.paste(warped, (0, 0), mask)
        plates.append({"corners": [[round(x, 2), round(y, 2)] for x, y in corners], "text": p["text"],
                       "kind": p["kind"], "layout": p["layout"]})
    img = degrade(r, img, small=False)
    return img, plates


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--crops", type=int, default=0)
    ap.add_argument("--frames", type=int, default=0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--fonts", default="training")
    a = ap.parse_args()
    fs = fonts(a.fonts)
    out = Path(a.out)
    (out / "crops").mkdir(parents=True, exist_ok=True)
    (out / "frames").mkdir(parents=True, exist_ok=True)
    r = random.Random(a.seed * 7919 + 1)
    with (out / "crops.jsonl").open("w") as f:
        for i in range(a.crops):
            p = sample_plate(r)
            font = r.choice(fs)
            name = f"crops/{i:06d}.png"
            render_crop(r, p, font).save(out / name)
            f.write(json.dumps({"file": name, "text": p["text"], "kind": p["kind"], "layout": p["layout"],
                                "colour": p["colour"], "font": Path(font).stem}, ensure_ascii=False) + "\n")
    r = random.Random(a.seed * 7919 + 2)
    with (out / "frames.jsonl").open("w") as f:
        for i in range(a.frames):
            img, plates = render_frame(r, fs)
            name = f"frames/{i:06d}.jpg"
            img.save(out / name, quality=90)
            f.write(json.dumps({"file": name, "width": img.width, "height": img.height, "plates": plates},
                               ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
