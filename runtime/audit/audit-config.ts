import { resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../config.js';

/** Smallest rotation size accepted: a few records per file at least. */
export const minimumRotateBytes = 4096;

/** The audit log's variables; a process that writes or reads the log merges this into its own schema. */
export const auditConfigSchema = z.object({
  DS_AUDIT_DIR: z.string().min(1).default('.stack/audit'),
  DS_AUDIT_ROTATE_BYTES: z.coerce.number().int().min(minimumRotateBytes).default(64 * 1024 * 1024),
});

export interface AuditConfig {
  /** Absolute; a relative DS_AUDIT_DIR is taken from the working directory (the repository root under npm). */
  readonly dir: string;
  readonly rotateBytes: number;
}

export const auditConfigFrom = (values: z.infer<typeof auditConfigSchema>): AuditConfig =>
  ({ dir: resolve(values.DS_AUDIT_DIR), rotateBytes: values.DS_AUDIT_ROTATE_BYTES });

export function loadAuditConfig(processName: string, env: Record<string, string | undefined> = process.env): AuditConfig {
  return auditConfigFrom(loadConfig(processName, auditConfigSchema, env));
}
