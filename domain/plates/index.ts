export * from './grammar.js';
export { cleanPlateText, maxRawPlateLength } from './plate-text.js';
export {
  parsePlate, normalizePlate, validatePlate, isCanonicalPlate,
  type ParsedPlate, type PlateFlag, type PlateParseResult, type PlateProblem, type PlateValidation,
} from './parse-plate.js';
export { confusionFamilies, oneWayConfusions, type ConfusionFamily, type OneWayConfusion, type Substitution } from './confusion-table.js';
export { confusionVariants, confusionMisreads, type PlateVariant, type PlateMisread, type ConfusionVariantOptions } from './confusion-variants.js';
export { compilePlatePattern, plateMatchesPattern, matchReadToPattern, minimumKnownCharacters, type PlatePattern, type PlatePatternResult } from './plate-pattern.js';
export { checkPlateColour, plateColours, type PlateColour, type ColourCheck } from './plate-colour.js';
export {
  createPlateHasher, createPlateKeyRing, hasherFor, hotlistKeyFor, keyedDigestBytes, minimumHotlistKeyBytes,
  type PlateHasher, type PlateKeyRing, type HotlistKey,
} from './keyed-plate-hash.js';
export {
  seededRandom, randomPlate, randomPlateOfKind, defaultPlateMix, plateDrawKinds,
  type RandomSource, type PlateMixKind, type PlateDrawKind,
} from './random-plate.js';
