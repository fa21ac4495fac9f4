import type { ReplayProgress } from './replay-scenario.js';

const clockTime = (startHour: number, seconds: number): string => {
  const total = Math.max(0, Math.floor(startHour * 3600 + seconds));
  const part = (n: number) => String(n).padStart(2, '0');
  return `${part(Math.floor(total / 3600) % 24)}:${part(Math.floor(total / 60) % 60)}:${part(total % 60)}`;
};

/** One line: how far the replay is and what the edges made of it. */
export function replayProgressLine(progress: ReplayProgress, startHour: number): string {
  const share = progress.total === 0 ? 100 : (100 * progress.sent) / progress.total;
  const rate = progress.elapsedSeconds > 0 ? Math.round(progress.sent / progress.elapsedSeconds) : 0;
  return `replay ${share.toFixed(1).padStart(5)}% · scenario ${clockTime(startHour, progress.atSeconds)} · sent ${progress.sent}/${progress.total}`
    + ` · accepted ${progress.accepted} · rejected ${progress.rejected} · hits ${progress.hits ?? '–'} · ${rate} reads/s`
    + (progress.frames ? ` · frames ${progress.frames.sent} of ${progress.frames.passesSent} CCTV passes (${progress.frames.accepted} accepted)` : '');
}
