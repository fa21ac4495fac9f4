export { hourlyReadCounts, type HourlyReadCount } from './hourly-read-counts.js';
export { dailyPseudonym, utcDayKey } from './daily-pseudonym.js';
export {
  transitionStatistics, defaultTransitionStatisticsOptions,
  type PseudonymousSighting, type TransitionStatistic, type TransitionStatisticsOptions,
} from './transition-statistics.js';
