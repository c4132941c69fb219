import { describe, expect, it } from 'vitest';
import { endpointLanes } from './endpoint-lanes.ts';
import { step, tcp, SERVER } from './testdata/records.ts';

const conv = (port: number) => ({
  id: `tcp 127.0.0.1:${port} > 127.0.0.1:23400`,
  client: { address: '127.0.0.1', port },
  server: SERVER,
});
const lookup = (ports: number[]) => {
  const byId = new Map(ports.map((p) => [conv(p).id, conv(p)]));
  return (id: string) => byId.get(id);
};
const recs = (port: number, at: number) => [
  step(at, { conv: conv(port).id }),
  tcp(at + 1, ['SYN'], { conv: conv(port).id }),
];

describe('endpointLanes', () => {
  it('one lifeline per client endpoint, the server on the right', () => {
    const ports = [50001, 50002, 50003, 50004, 50005];
    const records = ports.flatMap((p, i) => recs(p, i * 10));
    const { lanes, assignment } = endpointLanes(records, lookup(ports));
    expect(lanes.map((l) => l.endpoint)).toEqual([
      ...ports.map((p) => `127.0.0.1:${p}`),
      '127.0.0.1:23400',
    ]);
    expect(lanes.map((l) => l.role)).toEqual([...ports.map(() => 'client'), 'server']);
    expect(assignment.of(records[2]!, 'client')).toBe(1);
    expect(assignment.of(records[3]!, 'server')).toBe(5);
  });

  it('clients past the limit share the last client lifeline', () => {
    const ports = [1, 2, 3, 4, 5].map((i) => 50000 + i);
    const records = ports.flatMap((p, i) => recs(p, i * 10));
    const { lanes, assignment } = endpointLanes(records, lookup(ports), 4);
    expect(lanes.map((l) => l.endpoint)).toEqual([
      '127.0.0.1:50001',
      '127.0.0.1:50002',
      '',
      '127.0.0.1:23400',
    ]);
    expect(assignment.of(records[8]!, 'client')).toBe(2);
    expect(assignment.of(records[8]!, 'server')).toBe(3);
  });

  it('servers past half the limit share the last server lifeline', () => {
    const convs = [1, 2, 3, 4, 5, 6].map((i) => ({
      id: `tcp 127.0.0.1:${50000 + i} > 127.0.0.1:${23400 + i}`,
      client: { address: '127.0.0.1', port: 50000 + i },
      server: { address: '127.0.0.1', port: 23400 + i },
    }));
    const byId = new Map(convs.map((c) => [c.id, c]));
    const records = convs.map((c, i) => step(i + 1, { conv: c.id }));
    const { lanes, assignment } = endpointLanes(records, (id) => byId.get(id), 6);
    expect(lanes.map((l) => `${l.role} ${l.endpoint}`)).toEqual([
      'client 127.0.0.1:50001',
      'client 127.0.0.1:50002',
      'client ',
      'server 127.0.0.1:23401',
      'server 127.0.0.1:23402',
      'server ',
    ]);
    expect(assignment.of(records[1]!, 'server')).toBe(4);
    expect(assignment.of(records[5]!, 'server')).toBe(5);
    expect(assignment.of(records[5]!, 'client')).toBe(2);
  });

  it('records without a conversation fall on an unnamed client and server', () => {
    const { lanes } = endpointLanes([step(1, { conv: '' })], () => undefined);
    expect(lanes).toEqual([
      { endpoint: '', role: 'client' },
      { endpoint: '', role: 'server' },
    ]);
  });
});
