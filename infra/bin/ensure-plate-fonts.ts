import { ensurePlateFonts } from '../stack/plate-fonts.js';

// Run before the plate generator (npm run plates:generate): its fonts come from Debian packages.
await ensurePlateFonts();
