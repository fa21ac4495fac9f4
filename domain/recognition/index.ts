export {
  fusePass, fusionDefaults,
  type FrameCandidate, type FrameRead, type FusedCandidate, type FusionOptions, type PassRead, type PassReadStatus,
} from './fuse-pass.js';
