import { request as httpRequest } from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly text: string;
}

/**
 * One HTTP/1.1 request with its request target sent exactly as given (`/%67raphql`, `//graphql`, absolute-form
 * `http://host/graphql`, `*`), which fetch would normalise; its own connection, bounded by `timeoutMs`.
 */
export function rawHttpRequest(
  origin: { readonly host: string; readonly port: number }, method: string, target: string,
  headers: Record<string, string> = {}, body?: string, timeoutMs = 5_000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      agent: false, host: origin.host, port: origin.port, method, path: target, timeout: timeoutMs,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }), ...headers },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`${method} ${target}: no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
