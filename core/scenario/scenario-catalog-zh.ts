/** 场景目录的简体中文：每个场景的标题与两行说明（发生了什么、该看什么），与英文目录一一对应。 */
import type { ScenarioId } from './scenario-id.ts';
import * as size from './scenario-sizes.ts';

export interface ScenarioText {
  title: string;
  description: [string, string];
}

const NAGLE_ALL = size.NAGLE_WRITES + 1;

/** Every scenario has its entry (the type says so). */
export const SCENARIO_TEXT_ZH: Record<ScenarioId, ScenarioText> = {
  classic: {
    title: '经典交互',
    description: [
      '客户端发送“hello, I am A”；服务器回复并先关闭连接。',
      '请看三次握手、一次请求、一次回复，以及服务器的 FIN 先于客户端的 FIN。',
    ],
  },
  'client-closes': {
    title: '客户端半关闭',
    description: [
      '客户端发送后关闭自己的发送方向（半关闭）；服务器仍然回复。',
      '请看客户端的 FIN 先出现，其后服务器仍发送数据，最后是服务器的 FIN。',
    ],
  },
  refused: {
    title: '连接被拒绝',
    description: [
      '客户端连接一个没有程序监听的端口。',
      '请看 SYN 被 RST,ACK 回应，客户端得到 ECONNREFUSED。',
    ],
  },
  reset: {
    title: '连接被复位',
    description: [
      '客户端发送并读到回复后，中止（abort）连接。',
      '请看客户端发出 RST 而不是 FIN，服务器得到 ECONNRESET。',
    ],
  },
  bulk: {
    title: '大批量传输（1 MiB）',
    description: [
      '客户端发送 1 MiB，服务器把每个字节原样回显。',
      '请看大量满长度报文段、每隔几个报文段一次 ACK、窗口已满与窗口更新。',
    ],
  },
  'slow-reader': {
    title: '慢速读取方',
    description: [
      '服务器停止读取 1.5 秒，而客户端继续写入。',
      '请看服务器的零窗口、客户端的窗口探测，然后是窗口更新。',
    ],
  },
  'multi-message': {
    title: '一条连接上的多条消息',
    description: [
      '同一条连接上进行三轮请求/回复；服务器逐一回答并保持连接打开。',
      '请看一次握手、三次数据交换、一次关闭。',
    ],
  },
  nagle: {
    title: 'Nagle 算法的开与关',
    description: [
      `在两条连接上各先发一个 ${size.NAGLE_START_MESSAGE.length} 字节的“${size.NAGLE_START_MESSAGE}”请求，再做 ${size.NAGLE_WRITES} 次 ${size.NAGLE_WRITE_BYTES} 字节的写入（共 ${NAGLE_ALL} 次写入）：第一条连接开启 Nagle 算法，第二条关闭（TCP_NODELAY）。`,
      `请看第一条连接上报文段更少、被合并；第二条连接上最多每次写入一个报文段（${NAGLE_ALL} 个），Linux 仍可能合并少数几个。`,
    ],
  },
  concurrent: {
    title: '多个客户端并发',
    description: [
      '多个客户端同时连接，各自形成一个会话。',
      '请看不同的客户端端口、交错出现的报文，以及每个会话都由服务器先关闭。',
    ],
  },
  keepalive: {
    title: '保活（keep-alive）探测',
    description: [
      '一条空闲连接，每秒发送一次保活探测。',
      '请看序号回退一个字节的空报文段，每个都得到一个 ACK 回应。',
    ],
  },
  udp: {
    title: 'UDP 数据报',
    description: [
      '向 UDP 回显端点发送一个数据报并收到回复。',
      '请看没有握手也没有关闭：只有两个数据报。',
    ],
  },
  'udp-unreachable': {
    title: '发往关闭端口的 UDP',
    description: [
      '向一个没有程序监听的端口发送一个数据报。',
      '请看返回的 ICMP 端口不可达，以及客户端得到的 ECONNREFUSED。',
    ],
  },
  ipv6: {
    title: '基于 IPv6 的经典交互',
    description: [
      '在 [::1] 的端口之间进行经典交互。',
      '请看与经典交互相同的阶梯图，只是地址为 IPv6。',
    ],
  },
  'syn-lost': {
    title: '丢失的 SYN',
    description: [
      '客户端的第一个 SYN 在受损链路上被丢弃；内核会再发一次。',
      '请看第一个 SYN 之后约 1 秒的第二个 SYN（初始 RTO），然后是三次握手。',
    ],
  },
  'data-lost': {
    title: '丢失的数据报文段',
    description: [
      '客户端以 1448 字节的报文段发送 64 KiB；它的第 5 个数据报文段被丢弃。',
      '请看服务器发出的重复 ACK（带 SACK 块），然后是快速重传。',
    ],
  },
  'ack-lost': {
    title: '丢失的 ACK',
    description: [
      '客户端发送一条消息；服务器对它的 ACK 被丢弃。',
      '请看客户端再次发送同样的数据：服务器其实已经收到，这是一次虚假重传。',
    ],
  },
  'fin-lost': {
    title: '丢失的 FIN',
    description: [
      '一次请求和回复之后，客户端先关闭；它的 FIN 被丢弃。',
      '请看重传超时后再次发送的 FIN，然后是通常的关闭过程。',
    ],
  },
  blackhole: {
    title: '黑洞',
    description: [
      '握手之后的每个报文都被丢弃；客户端的数据始终到不了。',
      '请看间隔逐次加倍的重传，约 3 秒后客户端得到 ETIMEDOUT。',
    ],
  },
};

/** The title and description of `id` in `locale`, English when there is no translation. */
export function localizedScenario(
  entry: { id: ScenarioId; title: string; description: readonly [string, string] },
  locale: 'en' | 'zh-CN',
): { title: string; description: readonly [string, string] } {
  const zh = locale === 'zh-CN' ? SCENARIO_TEXT_ZH[entry.id] : undefined;
  return zh ?? { title: entry.title, description: entry.description };
}
