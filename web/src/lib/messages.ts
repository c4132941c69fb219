/**
 * Every user-facing string of the page, one table per language, read through `t(key, params)`.
 * `{name}` slots are filled from params; a Simplified Chinese table can be added beside `en`.
 */

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
} as const;

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;

/** Languages with a table. */
export type Locale = 'en'; // English; 'zh-CN' comes with its table

const tables: Record<Locale, Record<MessageKey, string>> = { en };
let current: Locale = 'en';

export function setLocale(locale: Locale): void {
  current = locale;
}

/** The text for `key` in the current language, with `{name}` slots filled from `params`. */
export function t(key: MessageKey, params?: MessageParams): string {
  const text = tables[current][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in params ? String(params[name]) : slot,
  );
}
