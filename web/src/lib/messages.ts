/**
 * Every user-facing string of the page, one table per language, read through `t(key, params)`.
 * `{name}` slots are filled from params; the Simplified Chinese table is in messages-zh.ts.
 */
import { locale, type Locale } from './locale.svelte.ts';
import { zh } from './messages-zh.ts';

const en = {
  'app.name': 'Packet Ladder',
  'app.tagline': 'socket calls and packets, live',
  'header.echo': 'Echo endpoint',
  'header.capture': 'Capture',
  'header.projector': 'Projector',
  'link.connecting': 'Connecting…',
  'link.connected': 'Connected',
  'link.reconnecting': 'Reconnecting…',
  'link.offline': 'Offline',
  'capture.off': 'off (socket steps only)',
  'capture.starting': 'starting…',
  'capture.running': 'running',
  'capture.failed': 'failed',
  'capture.stopped': 'stopped',
  'capture.unknown': 'unknown',
  'capture.packets': '{n} packets',
  'capture.dropped': '{n} dropped',
  'send.legend': 'Send a message to the echo endpoint',
  'send.protocol': 'Protocol',
  'send.message': 'Message',
  'send.button': 'Send',
  'send.sending': 'Sending…',
  'send.empty': 'Type a message first.',
  'send.tooLong': 'The message is {bytes} bytes; the echo endpoint reads at most {max}.',
  'send.noReply': 'No answer from the server within {s} s.',
  'send.reply': 'Reply:',
  'conv.title': 'Conversations',
  'conv.all': 'All records',
  'conv.follow': 'Follow newest',
  'conv.none': 'No conversations yet. Send a message to start one.',
  'conv.records': '{n} records',
  'conv.first': 'first at {t} s',
  'ladder.title': 'Ladder',
  'ladder.empty': 'Nothing to draw yet.',
  'ladder.time': 't (s)',
  'ladder.delta': 'Δt',
  'ladder.jump': 'Jump to newest',
  'role.client': 'client',
  'role.server': 'server',
  'role.clients': 'clients',
  'role.unknown': 'unknown',
  'table.title': 'Steps',
  'table.no': 'No.',
  'table.time': 'Time',
  'table.delta': 'Δt',
  'table.side': 'Side',
  'table.step': 'Step',
  'table.bytes': 'Bytes',
  'table.info': 'Info',
  'table.seq': 'Seq',
  'table.ack': 'Ack',
  'table.len': 'Len',
  'table.win': 'Win',
  'table.clientState': 'Client state',
  'table.serverState': 'Server state',
  'table.phase': 'Phase',
  'table.analysis': 'Analysis',
  'table.packetColumns': 'Packet columns',
  'table.empty': 'No records in this view.',
  'table.hint': '↑ ↓ move the selection',
  'phase.setup': 'setup',
  'phase.data': 'data',
  'phase.close': 'close',
  'phase.reset': 'reset',
  'phase.title.setup': 'Connection setup (three-way handshake)',
  'phase.title.data': 'Transaction (data and its ACKs)',
  'phase.title.close': 'Connection close (FIN exchange)',
  'phase.title.reset': 'Ended by a reset (RST)',
  'step.listen': 'listen',
  'step.bind': 'bind',
  'step.connect': 'connect',
  'step.accept': 'accept',
  'step.write': 'write {bytes} B',
  'step.read': 'read {bytes} B',
  'step.peer-end': 'peer end (FIN in)',
  'step.end': 'end (FIN out)',
  'step.close': 'close',
  'step.reset': 'reset (RST)',
  'step.error': 'error {code}',
  'step.udp-send': 'udp-send {bytes} B',
  'step.udp-recv': 'udp-recv {bytes} B',
  'step.took': 'took {d}',
  'header.language': 'Language',
  'lang.en': 'English',
  'lang.zh-CN': '简体中文',
  'phases.title': 'Phases',
  'phases.start': 'at {t} s',
  'phases.packets': '{n} packets',
  'phases.bytes': '→ {c2s} B · ← {s2c} B',
  'phases.handshakeRtt': 'Handshake RTT',
  'phases.handshakeRtt.title': 'From the SYN to the ACK that completes the handshake',
  'phases.responseTime': 'Server response',
  'phases.responseTime.title': 'From the first request byte to the first reply byte',
  'phases.none': 'No TCP phases: pick a TCP conversation with captured packets.',
  'phases.udp': 'UDP has no connection: no setup, no close, just datagrams.',
  'state.derived': 'Derived from the socket calls (no packets were captured)',
  'state.derivedLegend': 'italic = derived from socket calls',
  'state.timeWaitLeft': '{s} s',
  'state.timeWaitLeft.title': 'TIME_WAIT lasts 2×MSL = 60 s on Linux; {s} s left until CLOSED',
  'state.timeWaitOver': 'over → CLOSED',
  'table.dir': 'Dir',
  'table.flags': 'Flags',
  'table.nextSeq': 'NextSeq',
  'table.client': 'Client',
  'table.server': 'Server',
  'table.layout': 'Layout',
  'layout.side': 'Ladder | table',
  'layout.stack': 'Table below',
  'seq.relative': 'Relative seq',
  'seq.absolute': 'Absolute seq',
  'filter.kind': 'Show',
  'filter.both': 'steps + packets',
  'filter.packets': 'packets',
  'filter.steps': 'socket steps',
  'filter.flag': 'Filter',
  'filter.all': 'all',
  'filter.SYN': 'SYN',
  'filter.FIN': 'FIN',
  'filter.RST': 'RST',
  'filter.data': 'data',
  'filter.analysis': 'has analysis flag',
  'arith.syn': ' + SYN 1',
  'arith.fin': ' + FIN 1',
  'arith.nextSeq': 'NextSeq {next} = Seq {seq} + Len {len}{extra}',
  'arith.ack':
    'Ack {ack} = Seq {seq} + Len {len}{extra} of No. {no} from the {side}: the next byte expected',
  'arith.ackUnknown': 'Ack {ack}: the next byte expected from the {side}',
  'arith.seq': 'Seq {seq}: number of this segment’s first byte (SYN and FIN count one each)',
  'explain.title': 'Explanation',
  'explain.none': 'Select a step or a packet to see what it means.',
  'explain.linked': 'Tied to',
  'explain.answerTo':
    'It answers No. {no}: the datagram the {side} sent, which found no socket; the error travels back to the sender.',
  'analysis.title': 'Analysis',
} as const;

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;

/** Languages with a table. */
export type { Locale };

const tables: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zh };

/** Switches every text of the page (t() reads a reactive locale). */
export function setLocale(l: Locale): void {
  locale.current = l;
}

/** The text for `key` in the current language, with `{name}` slots filled from `params`. */
export function t(key: MessageKey, params?: MessageParams): string {
  const text = tables[locale.current][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in params ? String(params[name]) : slot,
  );
}

/** The English table, for the parity test of the other languages. */
export const messagesEn: Record<MessageKey, string> = en;
