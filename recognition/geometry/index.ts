export {
  homographyFromPoints, applyHomography, invertHomography, rectangleQuad, growQuad,
  type Point, type Quad, type Homography,
} from './homography.js';
export { rectifyQuad, warpInto } from './rectify-quad.js';
export { createPixelImage, toRgb, type PixelImage } from './pixel-image.js';
