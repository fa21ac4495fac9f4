import { z } from 'zod';
import { createPlateKeyRing, minimumHotlistKeyBytes, type PlateKeyRing } from '../../domain/plates/keyed-plate-hash.js';

const base64Secret = z.string().refine((value) => /^[A-Za-z0-9+/]+={0,2}$/u.test(value) && Buffer.from(value, 'base64').length >= minimumHotlistKeyBytes, {
  message: `expected base64 of at least ${minimumHotlistKeyBytes} bytes`,
});

/**
 * The hotlist key ring as the police and every edge node receive it through their own configuration: the
 * secrets never travel with the digests. Rotation: add the new key, then make it active.
 */
export const hotlistKeyRingConfigSchema = z.object({
  DS_HOTLIST_KEYS: z.string().transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'expected JSON {"keyId": "<base64 secret>"}' });
      return z.NEVER;
    }
  }).pipe(z.record(z.string().min(1), base64Secret).refine((keys) => Object.keys(keys).length > 0, { message: 'expected at least one key' })),
  DS_HOTLIST_ACTIVE_KEY: z.string().min(1),
}).refine((config) => config.DS_HOTLIST_ACTIVE_KEY in config.DS_HOTLIST_KEYS, {
  message: 'expected the id of a key in DS_HOTLIST_KEYS', path: ['DS_HOTLIST_ACTIVE_KEY'],
});

export type HotlistKeyRingConfig = z.infer<typeof hotlistKeyRingConfigSchema>;

export function hotlistKeyRingOf(config: HotlistKeyRingConfig): PlateKeyRing {
  const secrets = Object.fromEntries(Object.entries(config.DS_HOTLIST_KEYS).map(([keyId, secret]) => [keyId, new Uint8Array(Buffer.from(secret, 'base64'))]));
  return createPlateKeyRing(config.DS_HOTLIST_ACTIVE_KEY, secrets);
}
