/**
 * The teaching sentences on real loopback captures, as `analyze` prints them (`explain`, `teach`,
 * corrected `states`): each scenario's lesson checked on the packets that show it.
 */
import { describe, expect, it } from 'vitest';
import type { PacketJson } from '../../core/report/packet-json.ts';
import { referenceRun } from './reference-run.ts';
import { classicExchange, refusedExchange } from './tcp-exchanges.ts';
import { keepAliveExchange, slowReaderExchange } from './window-exchanges.ts';

const has = (p: PacketJson, flag: string) => p.flags?.includes(flag) ?? false;
const flagged = (json: PacketJson[], f: string) => json.filter((p) => p.analysis?.includes(f));

/** No sentence may claim an acknowledgment of "every byte up to 0" (or below). */
function noByteZero(json: PacketJson[]) {
  for (const p of json) expect(p.explain, `packet ${p.no}`).not.toMatch(/every byte up to (0\b|-)/);
}

describe('teaching sentences on real captures', () => {
  it('refused: the SYN row is corrected to server CLOSED once the RST,ACK answers it', async () => {
    const { json } = await referenceRun(refusedExchange);
    const [syn, rst] = json;
    expect(has(syn!, 'SYN') && has(rst!, 'RST')).toBe(true);
    expect(syn!.states).toEqual({ client: 'SYN_SENT', server: 'CLOSED' });
    expect(syn!.corrected).toBe(true);
    expect(syn!.explain).toMatch(/After it: client SYN_SENT, server CLOSED \(corrected/);
    expect(syn!.explain).not.toMatch(/SYN_RECEIVED/);
    expect(rst!.explain).toMatch(/^Nothing listens on the port: the server’s kernel answers/);
    expect(rst!.corrected).toBeUndefined();
  });

  it('slow reader: a keep-alive-shaped segment into a zero window is a zero-window probe', async () => {
    const { json } = await referenceRun(() => slowReaderExchange(800));
    const shaped = flagged(json, 'keep_alive');
    expect(shaped.length).toBeGreaterThan(0);
    for (const p of shaped) {
      // tshark's flag stays; the lesson is the zero-window probe.
      expect(p.analysis).toContain('keep_alive');
      expect(p.teach).toEqual(['zero_window_probe']);
      expect(p.explain).toMatch(/^Zero-window probe: the server advertises a zero window/);
      expect(p.explain).not.toMatch(/quiet period|Keep-alive probe/);
    }
    const answers = json.filter((p) => p.teach?.includes('zero_window_probe_ack'));
    expect(answers.length).toBeGreaterThan(0);
    for (const p of answers) expect(p.explain).toMatch(/^The server answers the zero-window probe/);
    noByteZero(json);
  }, 20_000);

  it('keep-alive: the probe and its ACK are taught as such, not as a window update', async () => {
    const { json } = await referenceRun(() => keepAliveExchange(2300));
    const probes = flagged(json, 'keep_alive');
    expect(probes.length).toBeGreaterThan(0);
    for (const p of probes) {
      expect(p.teach).toEqual(['keep_alive']);
      expect(p.explain).toMatch(/^Keep-alive probe: the connection has been idle/);
    }
    const answers = json.filter((p) => p.teach?.includes('keep_alive_ack'));
    expect(answers.length).toBe(probes.length);
    for (const p of answers) {
      expect(p.explain).toMatch(/^The server answers the keep-alive probe/);
      expect(p.explain).not.toMatch(/read data and tells|room again/);
      // tshark may call the first answer a window update (the SYN,ACK's window is unscaled).
      if (p.analysis?.includes('window_update')) {
        expect(p.teach).toContain('syn_window_unscaled');
        expect(p.explain).toMatch(/never scaled/);
      }
    }
    noByteZero(json);
  }, 20_000);

  it('close in three packets: the second FIN carries the ACK of the first', async () => {
    const { json } = await referenceRun(classicExchange);
    const fins = json.filter((p) => has(p, 'FIN'));
    expect(fins).toHaveLength(2);
    const [first, second] = fins;
    expect(first!.teach).toBeUndefined();
    expect(second!.teach).toEqual(['fin_acks_fin']);
    expect(second!.ack).toBe(first!.seq! + 1);
    expect(second!.explain).toMatch(
      /Its Ack \d+ also acknowledges the server’s FIN: .*three packets.*FIN_WAIT_2/,
    );
    expect(second!.states).toEqual({ client: 'LAST_ACK', server: 'TIME_WAIT' });
    const last = json.at(-1)!;
    expect(last.explain).toMatch(/^The server acknowledges the client’s FIN/);
    noByteZero(json);
  });
});
