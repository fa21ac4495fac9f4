import type { ServerName } from './server.js';

export type ServerState = 'started' | 'restarted' | 'already running' | 'running' | 'stopped' | 'not running' | 'external';

export interface ServerReport {
  readonly name: ServerName;
  readonly location: 'local' | 'external';
  readonly endpoint: string;
  readonly state: ServerState;
  readonly pid?: number;
  readonly health: 'healthy' | 'unhealthy' | 'not checked';
  readonly problem?: string;
}

export function formatReports(reports: readonly ServerReport[]): string {
  return reports.map(formatReport).join('\n');
}

function formatReport(report: ServerReport): string {
  const columns = [
    report.name.padEnd(10),
    report.location.padEnd(9),
    report.state.padEnd(16),
    (report.pid === undefined ? '-' : `pid ${report.pid}`).padEnd(11),
    report.health.padEnd(12),
    report.endpoint,
  ];
  const line = columns.join(' ');
  return report.problem === undefined ? line : `${line}\n  ${report.problem.replaceAll('\n', '\n  ')}`;
}
