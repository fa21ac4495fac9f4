import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage } from '../recognition/inference/image-input.js';
import { loadPlateModels, recognizeImage } from '../recognition/inference/recognize-image.js';

/**
 * `bench recognize`'s memory probe: a fresh process holding what a recognize worker holds (one session pair on one
 * thread) that reads the frames of `<dir>` three times and prints its RSS as one JSON line. The benchmark process
 * itself holds the generator's canvases and data, so its own RSS says little about a worker's.
 */
const [dir, modelDir] = process.argv.slice(2) as [string, string];
const before = process.memoryUsage().rss;
const models = await loadPlateModels({ threads: 1, modelDir });
const loaded = process.memoryUsage().rss;
const files = readdirSync(dir).filter((file) => file.endsWith('.jpg')).map((file) => readFileSync(join(dir, file)));
for (let pass = 0; pass < 3; pass++) {
  for (const jpeg of files) await recognizeImage(models, await decodeImage(jpeg), 'frame');
}
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
console.log(JSON.stringify({ rssMb: mb(process.memoryUsage().rss), rssBeforeModelsMb: mb(before), rssAfterLoadMb: mb(loaded) }));
await models.release();
