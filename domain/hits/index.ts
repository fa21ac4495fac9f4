export * from './hit-decision-reasons.js';
