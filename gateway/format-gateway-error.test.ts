import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatGatewayError } from './format-gateway-error.js';

const silent = () => undefined;

describe('formatGatewayError', () => {
  it('keeps a registry code and its status, and drops the subgraph name and URL federation attaches', () => {
    const formatted = {
      message: 'WantedVehicle.plate: missing scope hotlist:read',
      path: ['wantedVehicle', 'plate'],
      extensions: { code: 'DS_AUTH_FORBIDDEN', httpStatus: 403, serviceName: 'police', response: { url: 'http://10.0.0.7:4102/graphql' } },
    };
    expect(formatGatewayError(formatted, new GraphQLError(formatted.message), { log: silent })).toEqual({
      message: 'WantedVehicle.plate: missing scope hotlist:read',
      path: ['wantedVehicle', 'plate'],
      extensions: { code: 'DS_AUTH_FORBIDDEN', httpStatus: 403 },
    });
  });

  it('turns anything uncoded into DS_INTERNAL and keeps its detail out of the response', () => {
    const lines: string[] = [];
    const original = new Error('connect ECONNREFUSED 10.0.0.7:4102');
    const result = formatGatewayError({ message: original.message, extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'police' } }, original, { log: (line) => lines.push(line) });
    expect(result).toEqual({ message: 'internal error', extensions: { code: 'DS_INTERNAL', httpStatus: 500 } });
    expect(lines.join('\n')).toContain('ECONNREFUSED');
  });

  it('finding 6: in production no message carries a schema suggestion, variable coercion included', () => {
    const formatted = {
      message: 'Variable "$decision" got invalid value "ACCPET"; Value "ACCPET" does not exist in "HitDecision" enum. Did you mean the enum value "ACCEPT"?',
      extensions: { code: 'BAD_USER_INPUT' },
    };
    const production = formatGatewayError(formatted, new GraphQLError(formatted.message), { production: true, log: silent });
    expect(production).toEqual({
      message: 'Variable "$decision" got invalid value "ACCPET"; Value "ACCPET" does not exist in "HitDecision" enum.',
      extensions: { code: 'DS_INVALID_INPUT', httpStatus: 400 },
    });
    expect(formatGatewayError(formatted, new GraphQLError(formatted.message), { log: silent }).message).toContain('Did you mean');
  });
});
