import { z } from 'zod';
import { DongseonError } from '../domain/errors/index.js';

/**
 * Validates a process's environment against its schema once, at start-up. A bad value stops the process with a
 * message naming each offending variable and what it expects.
 */
export function loadConfig<Schema extends z.ZodType>(
  processName: string,
  schema: Schema,
  env: Record<string, string | undefined> = process.env,
): z.infer<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    return `  ${variable}: ${issue.message}`;
  });
  throw new DongseonError(
    'DS_CONFIG_INVALID',
    `${processName}: invalid configuration\n${problems.join('\n')}`,
    { variables: result.error.issues.map((issue) => issue.path.join('.')) },
  );
}

/** Runs `main`, printing a coded, one-screen message instead of a stack trace when configuration is bad. */
export async function runProcess(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof DongseonError) {
      console.error(`[${error.code}] ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

export const urlVariable = (protocols: readonly string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
    } catch {
      return false;
    }
  }, { message: `expected a URL with scheme ${protocols.join(' or ')}` });

export const portVariable = z.coerce.number().int().min(1).max(65535);
