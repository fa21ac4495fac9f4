import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { RandomSource } from '../../domain/plates/index.js';
import { uniform } from '../../domain/simulation/index.js';

/** Car paint as it is on Korean roads: mostly white, grey, black and silver, some colours. */
export function randomBodyColour(random: RandomSource): [number, number, number] {
  const roll = random();
  if (roll < 0.3) return [228, 229, 231].map((v) => v - random() * 20) as [number, number, number];
  if (roll < 0.5) return [30, 31, 35].map((v) => v + random() * 20) as [number, number, number];
  if (roll < 0.72) { const g = uniform(random, 110, 185); return [g, g + 2, g + 5]; }
  const palette: [number, number, number][] = [[150, 25, 30], [25, 55, 120], [40, 80, 60], [180, 150, 90], [230, 190, 40], [90, 60, 45], [70, 100, 150]];
  return palette[Math.floor(random() * palette.length)]!;
}

const rgb = (c: readonly number[], f = 1): string => `rgb(${c.map((v) => Math.max(0, Math.min(255, Math.round(v * f)))).join(',')})`;

export interface VehicleBox {
  /** Left, top, width and height of the body in pixels. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface DrawnVehicle {
  /** Where the plate's centre goes, and the lamps (for night glare). */
  readonly plateCentre: [number, number];
  readonly lamps: [number, number][];
}

/**
 * A vehicle seen from behind or in front, drawn as the shapes a plate detector must learn to look past: body,
 * glass, lamps, bumper, the plate recess and the shadow beneath. `plateWidth` sets the scale.
 */
export function drawVehicle(ctx: SKRSContext2D, box: VehicleBox, view: 'rear' | 'front', random: RandomSource): DrawnVehicle {
  const { x, y, w, h } = box;
  const body = randomBodyColour(random);
  const truck = random() < 0.15;
  ctx.fillStyle = 'rgba(0,0,0,0.45)';
  ctx.beginPath();
  ctx.ellipse(x + w / 2, y + h * 0.98, w * 0.56, h * 0.07, 0, 0, Math.PI * 2);
  ctx.fill();
  // wheels
  ctx.fillStyle = '#121212';
  ctx.fillRect(x + w * 0.06, y + h * 0.82, w * 0.14, h * 0.17);
  ctx.fillRect(x + w * 0.8, y + h * 0.82, w * 0.14, h * 0.17);
  // cabin and glass
  const roofTop = y + (truck ? 0 : h * 0.05);
  const glassBottom = y + h * (truck ? 0.4 : 0.45);
  const inset = truck ? w * 0.02 : w * 0.12;
  ctx.fillStyle = rgb(body, 0.92);
  ctx.beginPath();
  ctx.moveTo(x + inset, roofTop);
  ctx.lineTo(x + w - inset, roofTop);
  ctx.lineTo(x + w, glassBottom + h * 0.05);
  ctx.lineTo(x, glassBottom + h * 0.05);
  ctx.closePath();
  ctx.fill();
  const glass = ctx.createLinearGradient(x, roofTop, x + w * 0.4, glassBottom);
  glass.addColorStop(0, 'rgb(70,80,95)');
  glass.addColorStop(0.5, 'rgb(25,28,34)');
  glass.addColorStop(1, 'rgb(45,50,60)');
  ctx.fillStyle = glass;
  ctx.beginPath();
  ctx.moveTo(x + inset + w * 0.05, roofTop + h * 0.05);
  ctx.lineTo(x + w - inset - w * 0.05, roofTop + h * 0.05);
  ctx.lineTo(x + w * 0.93, glassBottom);
  ctx.lineTo(x + w * 0.07, glassBottom);
  ctx.closePath();
  ctx.fill();
  // lower body
  const paint = ctx.createLinearGradient(x, glassBottom, x, y + h * 0.9);
  paint.addColorStop(0, rgb(body, 1.08));
  paint.addColorStop(1, rgb(body, 0.75));
  ctx.fillStyle = paint;
  ctx.beginPath();
  ctx.roundRect(x, glassBottom + h * 0.03, w, h * 0.88 - (glassBottom - y), w * 0.04);
  ctx.fill();
  // lamps
  const lampY = glassBottom + h * 0.1;
  const lampW = w * 0.2;
  const lampH = h * 0.09;
  ctx.fillStyle = view === 'rear' ? 'rgb(170,20,25)' : 'rgb(225,228,230)';
  ctx.fillRect(x + w * 0.03, lampY, lampW, lampH);
  ctx.fillRect(x + w * 0.97 - lampW, lampY, lampW, lampH);
  // bumper
  const bumperY = y + h * 0.72;
  ctx.fillStyle = rgb(body, 0.55);
  ctx.fillRect(x + w * 0.01, bumperY, w * 0.98, h * 0.12);
  if (view === 'front') {
    ctx.fillStyle = 'rgb(20,20,22)';
    ctx.fillRect(x + w * 0.3, lampY, w * 0.4, h * 0.12);
  }
  const plateCentre: [number, number] = [x + w * uniform(random, 0.47, 0.53), view === 'rear' ? y + h * 0.63 : y + h * 0.74];
  return { plateCentre, lamps: [[x + w * 0.03 + lampW / 2, lampY + lampH / 2], [x + w * 0.97 - lampW / 2, lampY + lampH / 2]] };
}

/** A plate recess or bumper behind a plate: darker than the body, a little larger than the plate. */
export function drawPlateRecess(ctx: SKRSContext2D, centre: readonly [number, number], width: number, height: number, random: RandomSource): void {
  const g = uniform(random, 20, 70);
  ctx.fillStyle = `rgb(${g},${g},${g + 3})`;
  ctx.beginPath();
  ctx.roundRect(centre[0] - width * 0.56, centre[1] - height * 0.62, width * 1.12, height * 1.24, width * 0.05);
  ctx.fill();
}

/**
 * A plate guard (the plastic or chrome frame many Korean cars carry around the plate): a ring with a transparent
 * middle, to be warped onto the plate's quad grown by `growX` and `growY` about its centre.
 */
export function renderPlateGuard(plateWidth: number, plateHeight: number, random: RandomSource, family?: string): { canvas: Canvas; growX: number; growY: number } {
  const border = plateHeight * uniform(random, 0.07, 0.16);
  const width = Math.max(4, Math.round(plateWidth + 2 * border));
  const height = Math.max(4, Math.round(plateHeight + 2 * border * (random() < 0.5 ? 1 : 1.4)));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const chrome = random() < 0.3;
  if (chrome) {
    const metal = ctx.createLinearGradient(0, 0, 0, height);
    metal.addColorStop(0, '#f2f2f2');
    metal.addColorStop(0.5, '#8a8c90');
    metal.addColorStop(1, '#d9dadc');
    ctx.fillStyle = metal;
  } else {
    const g = uniform(random, 10, 45);
    ctx.fillStyle = `rgb(${g},${g},${g + 2})`;
  }
  ctx.beginPath();
  ctx.roundRect(0, 0, width, height, border);
  ctx.fill();
  const bottomBorder = (height - plateHeight) / 2;
  if (family && !chrome && random() < 0.5 && bottomBorder > 3) {
    // Dealers print their name or telephone number on the guard: text next to the plate that is not the plate.
    const words = ['현대자동차', '기아', '르노코리아', 'KG모빌리티', '쉐보레', '수원모터스', `031-${Math.floor(100 + random() * 900)}-${Math.floor(1000 + random() * 9000)}`];
    ctx.fillStyle = random() < 0.7 ? 'rgb(225,225,225)' : 'rgb(200,170,90)';
    ctx.font = `${bottomBorder * 0.75}px ${family}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(words[Math.floor(random() * words.length)]!, width / 2, height - bottomBorder / 2, plateWidth * 0.8);
  }
  ctx.globalCompositeOperation = 'destination-out';
  ctx.beginPath();
  ctx.roundRect((width - plateWidth) / 2, (height - plateHeight) / 2, plateWidth, plateHeight, plateHeight * 0.05);
  ctx.fill();
  return { canvas, growX: width / plateWidth, growY: height / plateHeight };
}
