/**
 * The slots of a compiled sentence: a packet's own parameters (one shape for every packet) are
 * numbered, so a sentence reads them by number, not by a lookup by name.
 */

/** An explanation's parameters (Explanation['params']), by name. */
type Params = Record<string, string | number>;

/** A slot of a sentence: its parameter's name, and its number in PACKET_PARAMS (or -1). */
export interface Slot {
  readonly name: string;
  readonly id: number;
}

/** The parameters every packet's explanation has, in one shape, with their blank values. */
const PACKET_DEFAULTS: Readonly<Params> = Object.freeze({
  from: '',
  to: '',
  len: 0,
  seq: 0,
  ack: 0,
  last: 0,
  acked: 0,
  win: 0,
  mss: '',
  clientState: '',
  serverState: '',
  dport: 0,
  dupAck: 0,
});

/** Their names, numbered for paramValue (whose switch reads them in this order). */
const PACKET_PARAMS = Object.keys(PACKET_DEFAULTS);

export function slotOf(name: string): Slot {
  return { name, id: PACKET_PARAMS.indexOf(name) };
}

/**
 * The value of a slot's parameter. A packet's own parameters are read by name in a switch: each
 * read sees the one shape of packetParams, where `params[name]` over a dozen names is a
 * megamorphic lookup on every packet analyze words.
 */
export function paramValue(params: Params, slot: Slot): string | number | undefined {
  switch (slot.id) {
    case 0:
      return params.from;
    case 1:
      return params.to;
    case 2:
      return params.len;
    case 3:
      return params.seq;
    case 4:
      return params.ack;
    case 5:
      return params.last;
    case 6:
      return params.acked;
    case 7:
      return params.win;
    case 8:
      return params.mss;
    case 9:
      return params.clientState;
    case 10:
      return params.serverState;
    case 11:
      return params.dport;
    case 12:
      return params.dupAck;
    default:
      return params[slot.name];
  }
}

/** The parameters every packet's explanation has, in one shape. */
export function packetParams(): Params {
  return { ...PACKET_DEFAULTS };
}
