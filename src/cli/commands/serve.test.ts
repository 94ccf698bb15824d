/**
 * The start banner of `serve`: a database created with --no-demo holds the districts and the
 * admin account only, and the banner says so instead of announcing demo data. A port in use or
 * an unknown host is bad input naming the option, never an internal error.
 */
import { describe, expect, it } from 'vitest';
import { listenError, seededLine } from './serve.js';

const created = { districts: 13, providers: 0, units: 0, clients: 0, placements: 0 };

describe('serve banner', () => {
  it('announces demo data only when it was filled in', () => {
    expect(seededLine({ ...created, providers: 60, clients: 1968, placements: 2055 }, true)).toBe(
      'Ny databas med demodata: 13 stadsdelar, 60 utförare, 1968 brukare, 2055 placeringar',
    );
    expect(seededLine(created, false)).toBe(
      'Ny databas utan demodata (--no-demo): 13 stadsdelar och kontot admin',
    );
  });
});

describe('serve cannot listen', () => {
  const fault = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

  it('names --port for a port in use or not allowed, --host for an address not here', () => {
    expect(listenError(fault('EADDRINUSE'), 3000, '127.0.0.1')).toMatchObject({
      id: 'port-in-use',
      message: '--port: port 3000 on 127.0.0.1 is in use: stop that server or choose another port',
    });
    expect(listenError(fault('EACCES'), 80, '127.0.0.1')).toMatchObject({ id: 'port-not-allowed' });
    for (const code of ['ENOTFOUND', 'EADDRNOTAVAIL'])
      expect(listenError(fault(code), 3000, '999.1.1.1')).toMatchObject({
        id: 'bad-host',
        message: '--host: "999.1.1.1" is not an address of this machine',
      });
  });

  it('leaves anything else as it came (an internal error)', () => {
    const other = new Error('disk full');
    expect(listenError(other, 3000, '127.0.0.1')).toBe(other);
  });
});
