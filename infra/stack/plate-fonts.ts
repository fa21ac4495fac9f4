import { join } from 'node:path';
import { defaultFontRoot, plateFontCatalogue, plateFontPackages } from '../../recognition/synth/plate-fonts.js';
import { ensureDebianFiles } from './apt.js';

/** Installs the Debian font packages of the synthetic plate renderer when any of its fonts is missing. */
export function ensurePlateFonts(): Promise<void> {
  return ensureDebianFiles(plateFontCatalogue.map((font) => join(defaultFontRoot, font.file)), plateFontPackages);
}
