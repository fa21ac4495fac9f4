import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import { isMunicipalityId, municipalityIdRule } from '../../domain/municipality/municipality-id.js';
import { demoMunicipalities, edgePortOf } from '../../runtime/endpoints/demo-edges.js';
import type { ReplayTransport } from './replay-scenario.js';

export const replayUsage = `usage: npm run sim -- replay <scenario dir> [options]
  --speed <x>               times faster than real time (default 10)
  --transport <t>           http, mqtt or mixed: about half the cameras on each (default mixed)
  --from <s> --to <s>       only reads captured in this window of scenario seconds
  --edge <municipality=url> an edge node's base URL (default: npm start's, suwon http://127.0.0.1:8481 …); repeatable
  --run-id <id>             prefix of the replay's read ids (default: sim-<start time>); reuse it to resend the same reads
  --no-register             do not import the scenario's cameras into the camera registry first
  --frames-sample <share>   CCTV cameras (no ANPR) send rendered frames of every wanted vehicle's pass and of this
                            share of the other passes (default 0.02)
  --max-frames-per-second <n>  frames rendered and sent per second at most (default 4); sampled passes beyond it are skipped
  --no-frames               send no frames, only the ANPR cameras' reads`;

export interface ReplayArguments {
  readonly dir: string;
  readonly speed: number;
  readonly transport: ReplayTransport;
  readonly fromSeconds?: number;
  readonly toSeconds?: number;
  readonly edgeOverrides: ReadonlyMap<string, string>;
  readonly runId: string;
  readonly register: boolean;
  /** Frames of passes at CCTV cameras; absent with --no-frames. */
  readonly frames?: { readonly sample: number; readonly maxFramesPerSecond: number };
}

const schema = z.object({
  speed: z.coerce.number().positive().max(100_000).default(10),
  transport: z.enum(['http', 'mqtt', 'mixed']).default('mixed'),
  from: z.coerce.number().min(0).optional(),
  to: z.coerce.number().min(0).optional(),
  edge: z.array(z.string().refine((entry) => {
    const [municipalityId = '', url = ''] = entry.split(/=(.*)/s, 2);
    return isMunicipalityId(municipalityId) && /^https?:\/\/\S+$/.test(url);
  }, `expected municipality=http://host:port, with ${municipalityIdRule}`)).default([]),
  'run-id': z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,40}$/, 'expected up to 41 letters, digits and . _ : -').optional(),
  'no-register': z.boolean().default(false),
  'frames-sample': z.coerce.number().min(0).max(1).default(0.02),
  'max-frames-per-second': z.coerce.number().positive().max(1_000).default(4),
  'no-frames': z.boolean().default(false),
});

/** The edge URLs `npm start` runs for the demo municipalities. */
export const defaultEdgeUrls: ReadonlyMap<string, string> = new Map(demoMunicipalities.map((m) => [m, `http://127.0.0.1:${edgePortOf(m)}`]));

export const defaultRunId = (now = new Date()): string => `sim-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;

export function parseReplayArguments(args: readonly string[]): ReplayArguments {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        speed: { type: 'string' }, transport: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
        edge: { type: 'string', multiple: true }, 'run-id': { type: 'string' }, 'no-register': { type: 'boolean' },
        'frames-sample': { type: 'string' }, 'max-frames-per-second': { type: 'string' }, 'no-frames': { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new DongseonError('DS_INVALID_INPUT', `${error instanceof Error ? error.message : String(error)}\n${replayUsage}`);
  }
  const [dir, ...extra] = parsed.positionals;
  const values = schema.safeParse(parsed.values);
  if (dir === undefined || extra.length > 0 || !values.success) {
    const problems = values.success ? ['  give exactly one scenario folder'] : values.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`);
    throw new DongseonError('DS_INVALID_INPUT', `sim replay: invalid arguments\n${problems.join('\n')}\n${replayUsage}`);
  }
  const v = values.data;
  return {
    dir, speed: v.speed, transport: v.transport,
    ...(v.from === undefined ? {} : { fromSeconds: v.from }),
    ...(v.to === undefined ? {} : { toSeconds: v.to }),
    edgeOverrides: new Map(v.edge.map((entry) => entry.split(/=(.*)/s, 2) as [string, string])),
    runId: v['run-id'] ?? defaultRunId(),
    register: !v['no-register'],
    ...(v['no-frames'] ? {} : { frames: { sample: v['frames-sample'], maxFramesPerSecond: v['max-frames-per-second'] } }),
  };
}
