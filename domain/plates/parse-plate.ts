import { DongseonError, type ErrorCode } from '../errors/index.js';
import {
  diplomaticWords,
  militaryBranches,
  plateFormats,
  regions,
  usageSyllables,
  type DiplomaticWord,
  type MilitaryBranch,
  type PlateElement,
  type PlateFormat,
  type PlateKind,
  type PlateUsage,
  type Region,
  type VehicleClass,
} from './grammar.js';
import { cleanPlateText, isDigitCode, isHangulSyllableCode } from './plate-text.js';

export type PlateFlag = 'low-serial' | 'discontinued-syllable' | 'uncertain-format';

export interface ParsedPlate {
  readonly kind: PlateKind;
  /** The canonical key: Hangul syllables and digits, no separators. Hashing and matching use this only. */
  readonly canonical: string;
  /** How the plate is written for people, e.g. `123가 4567`, `서울 12가 3456`, `외교 001-001`. */
  readonly display: string;
  readonly usage: PlateUsage;
  readonly layout: 'one-line' | 'two-line';
  readonly region?: Region;
  readonly typeCode?: string;
  readonly vehicleClass?: VehicleClass;
  readonly syllable?: string;
  readonly diplomaticWord?: DiplomaticWord;
  readonly militaryBranch?: MilitaryBranch;
  readonly serial: string;
  readonly flags: readonly PlateFlag[];
}

export interface PlateProblem {
  readonly code: ErrorCode;
  readonly reason: string;
}

export type PlateParseResult =
  | { readonly ok: true; readonly plate: ParsedPlate }
  | { readonly ok: false; readonly problem: PlateProblem };

const regionSet: ReadonlySet<string> = new Set(regions);

function elementWidth(element: PlateElement): number {
  switch (element.role) {
    case 'region':
    case 'diplomaticWord':
      return 2;
    case 'usageSyllable':
    case 'militaryBranch':
      return 1;
    default:
      return element.length;
  }
}

const elementIsHangul = (element: PlateElement): boolean =>
  element.role === 'region' || element.role === 'diplomaticWord' ||
  element.role === 'usageSyllable' || element.role === 'militaryBranch';

export interface CompiledFormat {
  readonly format: PlateFormat;
  readonly length: number;
  /** Per character: true where a Hangul syllable goes, false where a digit goes. */
  readonly hangulAt: readonly boolean[];
  readonly starts: readonly number[];
}

/** The grammar table laid out per character position; shared with the partial-plate pattern compiler. */
export const compiledFormats: readonly CompiledFormat[] = plateFormats.map((format) => {
  const hangulAt: boolean[] = [];
  const starts: number[] = [];
  for (const element of format.elements) {
    starts.push(hangulAt.length);
    for (let i = 0; i < elementWidth(element); i++) hangulAt.push(elementIsHangul(element));
  }
  return { format, length: hangulAt.length, hangulAt, starts };
});

function hasShape(compiled: CompiledFormat, text: string): boolean {
  if (text.length !== compiled.length) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (compiled.hangulAt[i] ? !isHangulSyllableCode(code) : !isDigitCode(code)) return false;
  }
  return true;
}

export interface Fields {
  region?: Region;
  typeCode?: string;
  vehicleClass?: VehicleClass;
  syllable?: string;
  diplomaticWord?: DiplomaticWord;
  militaryBranch?: MilitaryBranch;
  serial: string;
  usage?: PlateUsage;
  flags: PlateFlag[];
}

export function readElement(element: PlateElement, value: string, fields: Fields): PlateProblem | undefined {
  switch (element.role) {
    case 'region':
      if (!regionSet.has(value)) return { code: 'DS_PLATE_UNKNOWN_REGION', reason: `"${value}" is not one of the 17 regions` };
      fields.region = value as Region;
      return undefined;
    case 'typeCode': {
      const number = Number(value);
      const range = element.ranges.find((r) => number >= r.from && number <= r.to);
      if (!range) return { code: 'DS_PLATE_BAD_TYPE_CODE', reason: `type code ${value} is outside every issued range` };
      fields.typeCode = value;
      fields.vehicleClass = range.vehicleClass;
      return undefined;
    }
    case 'usageSyllable': {
      const fact = usageSyllables[value];
      if (!fact) return { code: 'DS_PLATE_UNKNOWN_SYLLABLE', reason: `"${value}" is not issued as a usage syllable` };
      fields.syllable = value;
      fields.usage = fact.usage;
      if (fact.discontinued) fields.flags.push('discontinued-syllable');
      return undefined;
    }
    case 'diplomaticWord':
      if (!(value in diplomaticWords)) return { code: 'DS_PLATE_INVALID', reason: `"${value}" is not a diplomatic mission word` };
      fields.diplomaticWord = value as DiplomaticWord;
      fields.usage = 'diplomatic';
      return undefined;
    case 'militaryBranch':
      if (!(value in militaryBranches)) return { code: 'DS_PLATE_INVALID', reason: `"${value}" is not a military branch letter` };
      fields.militaryBranch = value as MilitaryBranch;
      fields.usage = 'military';
      return undefined;
    case 'serial':
      fields.serial = value;
      return undefined;
    case 'mission':
    case 'unit':
      fields.serial = value;
      return undefined;
  }
}

function displayOf(compiled: CompiledFormat, text: string): string {
  const { format, starts } = compiled;
  let display = '';
  starts.forEach((start, index) => {
    if (format.displayBreaks.includes(index)) display += ' ';
    if (format.displayHyphens?.includes(index)) display += '-';
    display += text.slice(start, starts[index + 1] ?? text.length);
  });
  return display;
}

function parseWithFormat(compiled: CompiledFormat, text: string, layout: ParsedPlate['layout']): PlateParseResult {
  const { format, starts } = compiled;
  const fields: Fields = { serial: '', flags: [] };
  const parts: string[] = [];
  for (let index = 0; index < format.elements.length; index++) {
    const element = format.elements[index] as PlateElement;
    const value = text.slice(starts[index], starts[index + 1] ?? text.length);
    const problem = readElement(element, value, fields);
    if (problem) return { ok: false, problem };
    parts.push(value);
  }
  if (format.kind === 'diplomatic' || format.kind === 'military') {
    // The mission/unit digits and the serial together identify the plate.
    fields.serial = parts.slice(1).join('');
  }
  if (format.lowSerialBelow !== undefined && Number(fields.serial) < format.lowSerialBelow) fields.flags.push('low-serial');
  if (format.uncertain) fields.flags.push('uncertain-format');
  const { usage, flags, ...rest } = fields;
  return {
    ok: true,
    plate: {
      kind: format.kind,
      canonical: text,
      display: displayOf(compiled, text),
      usage: usage ?? 'private',
      layout,
      ...rest,
      flags,
    },
  };
}

function parseCleanText(text: string, layout: ParsedPlate['layout']): PlateParseResult {
  let firstFailure: PlateParseResult | undefined;
  for (const compiled of compiledFormats) {
    if (!hasShape(compiled, text)) continue;
    const result = parseWithFormat(compiled, text, layout);
    if (result.ok) return result;
    firstFailure ??= result;
  }
  return firstFailure ?? {
    ok: false,
    problem: { code: 'DS_PLATE_INVALID', reason: `"${text}" has the shape of no Korean plate format` },
  };
}

/**
 * Parses what a camera or a person wrote into a plate, or says precisely why it is none. A well-formed plate is
 * never a confirmed read: grammar only says the string could exist on a vehicle.
 */
export function parsePlate(raw: string): PlateParseResult {
  const cleaned = cleanPlateText(raw);
  if (!cleaned.ok) return { ok: false, problem: { code: cleaned.code, reason: cleaned.reason } };
  if (cleaned.lines.length !== 2) return parseCleanText(cleaned.text, 'one-line');
  const [upper, lower] = cleaned.lines as [string, string];
  const asWritten = parseCleanText(cleaned.text, 'two-line');
  if (asWritten.ok) return asWritten;
  // OCR engines sometimes emit the large lower line of a two-line plate first.
  const swapped = parseCleanText(lower + upper, 'two-line');
  return swapped.ok ? swapped : asWritten;
}

/** The canonical key of a plate; throws a coded DongseonError that says why when the input is no plate. */
export function normalizePlate(raw: string): string {
  const result = parsePlate(raw);
  if (!result.ok) throw new DongseonError(result.problem.code, `invalid plate: ${result.problem.reason}`);
  return result.plate.canonical;
}

export interface PlateValidation {
  readonly valid: boolean;
  readonly problem?: PlateProblem;
  readonly flags: readonly PlateFlag[];
}

export function validatePlate(raw: string): PlateValidation {
  const result = parsePlate(raw);
  return result.ok
    ? { valid: true, flags: result.plate.flags }
    : { valid: false, problem: result.problem, flags: [] };
}

function elementIsValid(element: PlateElement, text: string, start: number, end: number): boolean {
  switch (element.role) {
    case 'region':
      return regionSet.has(text.slice(start, end));
    case 'typeCode': {
      let number = 0;
      for (let i = start; i < end; i++) number = number * 10 + (text.charCodeAt(i) - 48);
      for (const range of element.ranges) if (number >= range.from && number <= range.to) return true;
      return false;
    }
    case 'usageSyllable':
      return usageSyllables[text.charAt(start)] !== undefined;
    case 'diplomaticWord':
      return text.slice(start, end) in diplomaticWords;
    case 'militaryBranch':
      return text.charAt(start) in militaryBranches;
    default:
      return true;
  }
}

/**
 * True when `text` (already in the plate alphabet) is a grammatical plate. Same rules as `parsePlate`, without
 * building the result: the hot path of variant search.
 */
export function isCanonicalPlate(text: string): boolean {
  for (const compiled of compiledFormats) {
    if (!hasShape(compiled, text)) continue;
    const { elements } = compiled.format;
    let valid = true;
    for (let index = 0; index < elements.length && valid; index++) {
      valid = elementIsValid(elements[index] as PlateElement, text, compiled.starts[index] as number, compiled.starts[index + 1] ?? text.length);
    }
    if (valid) return true;
  }
  return false;
}
