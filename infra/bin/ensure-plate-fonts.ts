import { ensurePlateFonts } from '../stack/plate-fonts.js';

// Run before the plate generator (npm run plates:generate) and the demo (npm start): their fonts come from Debian packages.
await ensurePlateFonts();
