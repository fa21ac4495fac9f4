export {
  cameraReadInputSchema, plateCandidateInputSchema, defaultReadValidationPolicy,
  maxPlateCandidates, maxReadsPerBatch, maxReadIdLength, maxCameraIdLength, maxImageRefLength, maxTimestampLength,
  defaultMaxFutureSkewMs, defaultMaxReadAgeMs, vehicleColours, vehicleTypes,
  type CameraRead, type CameraReadInput, type ReadPlateCandidate, type ReadValidationPolicy, type VehicleColour, type VehicleType,
} from './camera-read.js';
export { validateReadBatch, type ReadBatchValidation, type ReadProblem, type RejectedRead } from './validate-read-batch.js';
export { cameraReadFromNgsiLd, ngsiLdReadTypes, unstatedConfidence, type NgsiLdReadResult } from './ngsi-ld-anpr.js';
export {
  createReadCollapser, defaultReadCollapseOptions, type ReadCollapser, type ReadCollapseOptions, type Sighting,
} from './collapse-repeated-reads.js';
export { checkFrameMetadata, frameMetadataSchema, type AcceptedFrame, type FrameMetadataCheck } from './frame-metadata.js';
