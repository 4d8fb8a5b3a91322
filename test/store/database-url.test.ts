import { describe, expect, it } from 'vitest';
import { describeDatabase, parseDatabaseUrl } from '../../src/store/database-url.ts';

const described = (url: string) => describeDatabase(parseDatabaseUrl(url));

describe('describeDatabase, for the start log', () => {
  it('names host, port and database of a server over TCP, never the password', () => {
    const line = described('postgresql://slrt:rahasia-sekali@db.dinsos.example:6543/slrt');
    expect(line).toBe('PostgreSQL db.dinsos.example:6543/slrt');
    expect(line).not.toContain('rahasia');
  });

  it('names the socket file when the URL reaches the server over its Unix socket', () => {
    const socket = 'PostgreSQL socket /var/run/postgresql/.s.PGSQL.5432, database slrt';
    expect(described('postgresql://slrt:pw@localhost/slrt?host=/var/run/postgresql')).toBe(socket);
    expect(described('postgresql://slrt@localhost/slrt?host=/var/run/postgresql/')).toBe(socket);
    // pg also reads a percent-encoded directory in the host's place.
    expect(described('postgresql://%2Fvar%2Frun%2Fpostgresql/slrt')).toBe(socket);
    expect(described('postgresql://slrt@localhost:5433/slrt?host=/tmp')).toBe(
      'PostgreSQL socket /tmp/.s.PGSQL.5433, database slrt',
    );
  });

  it('takes a host name in ?host= as the host, as pg does', () => {
    expect(described('postgresql://slrt@localhost/slrt?host=db.internal')).toBe(
      'PostgreSQL db.internal:5432/slrt',
    );
  });

  it('names the SQLite file', () => {
    expect(described('file:/srv/slrt/slrt.db')).toBe('SQLite file /srv/slrt/slrt.db');
  });
});
