import { describe, expect, it } from 'vitest';
import { exposureNotice, isLoopbackHost } from '../../src/http/exposure-notice.ts';

describe('exposureNotice', () => {
  it('says nothing when the simulator is off, wherever the desk listens', () => {
    expect(exposureNotice({ simulator: false, HOST: '0.0.0.0', hostSet: true }, 8080)).toBeNull();
  });

  it('says nothing when HOST is set to an address only this machine reaches', () => {
    for (const HOST of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.5']) {
      expect(exposureNotice({ simulator: true, HOST, hostSet: true }, 8080)).toBeNull();
    }
  });

  it('explains the 127.0.0.1 default and how to open the port up', () => {
    expect(exposureNotice({ simulator: true, HOST: '127.0.0.1', hostSet: false }, 8080)).toEqual({
      level: 'info',
      message:
        'listening on 127.0.0.1 only because the simulator is on; set HOST=0.0.0.0 to expose it',
    });
  });

  it('warns when HOST exposes the simulator, naming the port and the way back', () => {
    const notice = exposureNotice({ simulator: true, HOST: '10.0.0.7', hostSet: true }, 8080);
    expect(notice?.level).toBe('warn');
    expect(notice?.message).toMatch(/HOST=10\.0\.0\.7 exposes it: anyone who reaches port 8080/);
    expect(notice?.message).toMatch(/SIMULATOR_ENABLED=false/);
  });
});

describe('isLoopbackHost', () => {
  it.each(['0.0.0.0', '::', '10.0.0.7', '128.0.0.1', 'desk.example.id'])(
    'counts %s as reachable from other machines',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});
