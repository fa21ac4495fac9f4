import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { parsePlate, randomPlateOfKind, type PlateDrawKind, type RandomSource } from '../../domain/plates/index.js';
import { layoutGlyphs, type GlyphBox } from './plate-layout.js';
import { plateFontFamily, type PlateFont } from './plate-fonts.js';
import { plateStyles, type PlateLayout, type PlateStyle, type SynthPlateColour } from './plate-styles.js';

/** What a rendered plate shows: the ground truth written beside every image made from it. */
export interface PlateSpec {
  /** Canonical plate text (domain/plates), e.g. `123가4567`, `서울12바3456`. */
  readonly text: string;
  readonly kind: PlateDrawKind;
  readonly style: PlateStyle;
  readonly font: PlateFont;
}

export interface RenderedPlate {
  /** RGBA; transparent outside the plate's rounded corners. */
  readonly canvas: Canvas;
  readonly text: string;
  readonly kind: PlateDrawKind;
  readonly style: string;
  readonly layout: PlateLayout;
  readonly colour: SynthPlateColour;
  readonly font: string;
}

export interface PlateLook {
  /** 0 clean … 1 old and dirty. */
  readonly wear: number;
  /** 0 none … 1 a strong specular highlight. */
  readonly glare: number;
  /** Mounting: screws, bare bolt holes or a rear-plate seal cap on the left screw. */
  readonly mounting: 'screws' | 'holes' | 'seal' | 'none';
}

function pickWeighted<T extends { share: number }>(random: RandomSource, items: readonly T[]): T {
  let roll = random() * items.reduce((sum, item) => sum + item.share, 0);
  for (const item of items) {
    roll -= item.share;
    if (roll < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** A random plate: style by its share of the road, a text of a kind that style carries, a font of the set. */
export function randomPlateSpec(random: RandomSource, fonts: readonly PlateFont[], styles: readonly PlateStyle[] = plateStyles): PlateSpec {
  const style = pickWeighted(random, styles);
  const { kind } = pickWeighted(random, style.kinds);
  const text = randomPlateOfKind(random, kind);
  const font = fonts[Math.floor(random() * fonts.length)] as PlateFont;
  return { text, kind, style, font };
}

export function randomPlateLook(random: RandomSource): PlateLook {
  const wearRoll = random();
  const wear = wearRoll < 0.45 ? random() * 0.2 : wearRoll < 0.85 ? 0.2 + random() * 0.4 : 0.6 + random() * 0.4;
  const glare = random() < 0.25 ? 0.2 + random() * 0.8 : 0;
  const m = random();
  const mounting = m < 0.55 ? 'screws' : m < 0.7 ? 'holes' : m < 0.9 ? 'seal' : 'none';
  return { wear, glare, mounting };
}

interface GlyphMetrics {
  readonly left: number;
  readonly right: number;
  readonly ascent: number;
  readonly descent: number;
}

const metricsSize = 200;
const metricsCache = new Map<string, GlyphMetrics>();
const scratch = createCanvas(8, 8).getContext('2d');

function glyphMetrics(family: string, char: string): GlyphMetrics {
  const key = `${family}\u0000${char}`;
  let metrics = metricsCache.get(key);
  if (!metrics) {
    scratch.font = `${metricsSize}px ${family}`;
    const m = scratch.measureText(char);
    metrics = { left: m.actualBoundingBoxLeft, right: m.actualBoundingBoxRight, ascent: m.actualBoundingBoxAscent, descent: m.actualBoundingBoxDescent };
    metricsCache.set(key, metrics);
  }
  return metrics;
}

/**
 * Draws one character condensed into its box: digits share the scale of "0" (so a 1 stays narrow and every digit
 * stands equally tall), a syllable fills its box. The stroke thickens light faces towards the plate's heavy gothic.
 */
function drawGlyph(ctx: SKRSContext2D, box: GlyphBox, s: number, family: string, strokeEm: number): void {
  const x = box.x * s;
  const y = box.y * s;
  const w = box.w * s;
  const h = box.h * s;
  if (box.kind === 'hyphen') {
    const bar = h * 0.1;
    ctx.fillRect(x + w * 0.1, y + h / 2 - bar / 2, w * 0.8, bar);
    return;
  }
  const stroke = strokeEm * metricsSize;
  const own = glyphMetrics(family, box.char);
  const ref = box.kind === 'digit' ? glyphMetrics(family, '0') : own;
  const refW = ref.left + ref.right + stroke;
  const refH = ref.ascent + ref.descent + stroke;
  const sx = w / refW;
  const sy = h / refH;
  const ownW = (own.left + own.right + stroke) * sx;
  const left = x + (w - ownW) / 2;
  ctx.save();
  ctx.setTransform(sx, 0, 0, sy, left + (own.left + stroke / 2) * sx, y + (ref.ascent + stroke / 2) * sy);
  ctx.font = `${metricsSize}px ${family}`;
  ctx.fillText(box.char, 0, 0);
  if (stroke > 0) {
    ctx.lineWidth = stroke;
    ctx.lineJoin = 'round';
    ctx.strokeText(box.char, 0, 0);
  }
  ctx.restore();
}

function roundedRect(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function drawTaegeuk(ctx: SKRSContext2D, cx: number, cy: number, r: number): void {
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.arc(cx, cy, r * 1.12, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#cd2e3a';
  ctx.beginPath();
  ctx.arc(cx, cy, r, Math.PI, 0);
  ctx.fill();
  ctx.fillStyle = '#0047a0';
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI);
  ctx.fill();
  ctx.beginPath();
  ctx.arc(cx - r / 2, cy, r / 2, 0, Math.PI * 2);
  ctx.fillStyle = '#cd2e3a';
  ctx.fill();
  ctx.beginPath();
  ctx.arc(cx + r / 2, cy, r / 2, 0, Math.PI * 2);
  ctx.fillStyle = '#0047a0';
  ctx.fill();
}

function drawBand(ctx: SKRSContext2D, style: PlateStyle, s: number, family: string): void {
  const H = style.heightMm;
  if (style.band === 'taegeuk') {
    ctx.fillStyle = '#1f3d8f';
    ctx.fillRect(0, 0, 40 * s, H * s);
    drawTaegeuk(ctx, 20 * s, 24 * s, 8 * s);
    const holo = ctx.createLinearGradient(12 * s, 44 * s, 28 * s, 62 * s);
    holo.addColorStop(0, '#9fb4d8');
    holo.addColorStop(0.5, '#d9e2f2');
    holo.addColorStop(1, '#8fa6cf');
    ctx.fillStyle = holo;
    roundedRect(ctx, 11 * s, 44 * s, 18 * s, 18 * s, 3 * s);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    const kor = 'KOR';
    ctx.font = `${12 * s}px ${family}`;
    const m = ctx.measureText(kor);
    ctx.save();
    ctx.translate(20 * s, 0);
    ctx.scale(Math.min(1, (30 * s) / m.width), 1);
    ctx.fillText(kor, -m.width / 2, 94 * s);
    ctx.restore();
  } else if (style.band === 'electric') {
    drawTaegeuk(ctx, 22 * s, 26 * s, 7 * s);
    ctx.fillStyle = '#1d4f91';
    roundedRect(ctx, 9 * s, 52 * s, 26 * s, 11 * s, 4 * s);
    ctx.fill();
    ctx.beginPath();
    ctx.arc(15 * s, 65 * s, 3 * s, 0, Math.PI * 2);
    ctx.arc(29 * s, 65 * s, 3 * s, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#f7d31e';
    ctx.beginPath();
    ctx.moveTo(23 * s, 72 * s);
    ctx.lineTo(18 * s, 84 * s);
    ctx.lineTo(22 * s, 84 * s);
    ctx.lineTo(19 * s, 95 * s);
    ctx.lineTo(27 * s, 80 * s);
    ctx.lineTo(23 * s, 80 * s);
    ctx.closePath();
    ctx.fill();
  }
}

function drawMounting(ctx: SKRSContext2D, style: PlateStyle, look: PlateLook, s: number, random: RandomSource): void {
  if (look.mounting === 'none') return;
  const two = style.layout === 'two-line';
  const y = (two ? style.heightMm * 0.22 : 9) * s;
  const xs = two ? [24, style.widthMm - 24] : [style.widthMm * 0.19, style.widthMm * 0.81];
  xs.forEach((xMm, i) => {
    const x = (xMm + (random() - 0.5) * 6) * s;
    const seal = look.mounting === 'seal' && i === 0;
    const r = (seal ? 8 : 4.5) * s;
    if (look.mounting === 'holes') {
      ctx.fillStyle = 'rgba(20,20,20,0.85)';
      ctx.beginPath();
      ctx.ellipse(x, y, r * 0.9, r * 0.7, 0, 0, Math.PI * 2);
      ctx.fill();
      return;
    }
    const metal = ctx.createRadialGradient(x - r * 0.3, y - r * 0.3, r * 0.1, x, y, r);
    metal.addColorStop(0, '#f4f4f2');
    metal.addColorStop(0.6, seal ? '#b9b9b4' : '#9b9c9c');
    metal.addColorStop(1, '#5d5e60');
    ctx.fillStyle = metal;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = 'rgba(30,30,30,0.6)';
    ctx.lineWidth = Math.max(1, 0.6 * s);
    if (seal) {
      ctx.beginPath();
      ctx.arc(x, y, r * 0.65, 0, Math.PI * 2);
      ctx.stroke();
    } else {
      const a = random() * Math.PI;
      ctx.beginPath();
      ctx.moveTo(x - Math.cos(a) * r * 0.7, y - Math.sin(a) * r * 0.7);
      ctx.lineTo(x + Math.cos(a) * r * 0.7, y + Math.sin(a) * r * 0.7);
      ctx.stroke();
    }
  });
}

function drawWear(ctx: SKRSContext2D, W: number, H: number, look: PlateLook, random: RandomSource): void {
  if (look.wear <= 0.02) return;
  const grime = ctx.createLinearGradient(0, 0, 0, H);
  grime.addColorStop(0, `rgba(90,75,55,${0.05 * look.wear})`);
  grime.addColorStop(1, `rgba(70,58,40,${0.35 * look.wear})`);
  ctx.fillStyle = grime;
  ctx.fillRect(0, 0, W, H);
  const specks = Math.floor(look.wear * 160);
  for (let i = 0; i < specks; i++) {
    const r = (0.3 + random() * random() * 3) * (W / 300);
    ctx.fillStyle = `rgba(${60 + random() * 50},${50 + random() * 40},${30 + random() * 30},${0.1 + random() * 0.4 * look.wear})`;
    ctx.beginPath();
    ctx.ellipse(random() * W, random() * H, r * (0.5 + random()), r, random() * Math.PI, 0, Math.PI * 2);
    ctx.fill();
  }
  const scratches = Math.floor(look.wear * 8);
  ctx.lineWidth = Math.max(0.5, W / 900);
  for (let i = 0; i < scratches; i++) {
    ctx.strokeStyle = `rgba(255,255,255,${0.1 + random() * 0.25})`;
    const x = random() * W;
    const y = random() * H;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + (random() - 0.5) * W * 0.3, y + (random() - 0.5) * H * 0.3);
    ctx.stroke();
  }
}

/** The shadow of a bumper lip or boot lid over the plate's upper part, or of something beside it. */
function drawCastShadow(ctx: SKRSContext2D, W: number, H: number, random: RandomSource): void {
  if (random() >= 0.3) return;
  const fromTop = random() < 0.75;
  const reach = (0.2 + random() * 0.6) * (fromTop ? H : W);
  const shadow = fromTop ? ctx.createLinearGradient(0, 0, 0, reach) : ctx.createLinearGradient(W, 0, W - reach, 0);
  const depth = 0.2 + random() * 0.45;
  shadow.addColorStop(0, `rgba(0,0,0,${depth})`);
  shadow.addColorStop(0.7, `rgba(0,0,0,${depth * 0.8})`);
  shadow.addColorStop(1, 'rgba(0,0,0,0)');
  ctx.fillStyle = shadow;
  ctx.fillRect(0, 0, W, H);
}

function drawGlare(ctx: SKRSContext2D, W: number, H: number, look: PlateLook, random: RandomSource): void {
  if (look.glare <= 0) return;
  const x = random() * W;
  const y = random() * H;
  const r = (0.15 + random() * 0.35) * W;
  const glare = ctx.createRadialGradient(x, y, 0, x, y, r);
  glare.addColorStop(0, `rgba(255,255,250,${0.75 * look.glare})`);
  glare.addColorStop(1, 'rgba(255,255,250,0)');
  ctx.fillStyle = glare;
  ctx.fillRect(0, 0, W, H);
}

function shade(hex: string, factor: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v * factor)));
  return `rgb(${c((n >> 16) & 255)},${c((n >> 8) & 255)},${c(n & 255)})`;
}

/**
 * Renders a plate at `pxPerMm` (a 520 mm plate is 520·pxPerMm pixels wide). Rendering at the size the plate will
 * have in the image lets Skia anti-alias the characters as a camera would blur them.
 */
export function renderPlate(spec: PlateSpec, look: PlateLook, pxPerMm: number, random: RandomSource): RenderedPlate {
  const parsed = parsePlate(spec.text);
  if (!parsed.ok) throw new RangeError(`not a plate: ${spec.text} (${parsed.problem.reason})`);
  const { style } = spec;
  const s = pxPerMm;
  const W = Math.max(8, Math.round(style.widthMm * s));
  const H = Math.max(4, Math.round(style.heightMm * s));
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  const family = plateFontFamily(spec.font);
  ctx.textBaseline = 'alphabetic';

  roundedRect(ctx, 0, 0, W, H, 6 * s);
  ctx.clip();
  const fade = 1 - look.wear * 0.12 * random();
  const surface = ctx.createLinearGradient(0, 0, W * 0.3, H);
  surface.addColorStop(0, shade(style.background, 1.03 * fade));
  surface.addColorStop(1, shade(style.background, 0.94 * fade));
  ctx.fillStyle = surface;
  ctx.fillRect(0, 0, W, H);
  drawBand(ctx, style, s, family);

  const inset = (style.embossed ? 3.5 : 2.5) * s;
  ctx.strokeStyle = style.ink;
  ctx.lineWidth = Math.max(0.8, (style.embossed ? 1.8 : 1.1) * s);
  roundedRect(ctx, inset, inset, W - 2 * inset, H - 2 * inset, 4 * s);
  ctx.stroke();

  const boxes = layoutGlyphs(style, parsed.plate);
  const jitter = () => (random() - 0.5) * 0.8;
  const placed = boxes.map((box) => ({ ...box, x: box.x + jitter(), y: box.y + jitter() }));
  if (style.embossed) {
    const angle = random() * Math.PI * 2;
    const dx = Math.cos(angle) * 0.7 * s;
    const dy = Math.abs(Math.sin(angle)) * 0.7 * s + 0.3 * s;
    ctx.save();
    ctx.translate(dx, dy);
    ctx.fillStyle = ctx.strokeStyle = 'rgba(0,0,0,0.35)';
    for (const box of placed) drawGlyph(ctx, box, s, family, spec.font.strokeEm);
    ctx.translate(-2 * dx, -2 * dy);
    ctx.fillStyle = ctx.strokeStyle = 'rgba(255,255,255,0.35)';
    for (const box of placed) drawGlyph(ctx, box, s, family, spec.font.strokeEm);
    ctx.restore();
  }
  ctx.globalAlpha = 1 - look.wear * 0.25 * random();
  ctx.fillStyle = ctx.strokeStyle = style.ink;
  for (const box of placed) drawGlyph(ctx, box, s, family, spec.font.strokeEm);
  ctx.globalAlpha = 1;

  drawMounting(ctx, style, look, s, random);
  drawWear(ctx, W, H, look, random);
  drawCastShadow(ctx, W, H, random);
  drawGlare(ctx, W, H, look, random);
  return {
    canvas, text: spec.text, kind: spec.kind, style: style.name, layout: style.layout, colour: style.colour, font: spec.font.name,
  };
}
