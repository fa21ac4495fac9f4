export {
  maxHistoryWindowDays, plateHistorySearchOf, plateHistoryQueryOf, sameHistorySearch,
  type PlateHistoryQuery, type PlateHistorySearch, type PlateHistorySearchResult,
} from './plate-history-search.js';
export {
  edgeHistoryRequestSchema, edgeHistoryReadSchema, edgeHistoryAnswerSchema,
  type EdgeHistoryRead, type EdgeHistoryAnswer,
} from './edge-history-messages.js';
export {
  mergePlateHistory, type EdgeHistoryOutcome, type HistorySource, type MergedHistoryRead, type MergedPlateHistory,
} from './merge-plate-history.js';
