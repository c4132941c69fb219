/** 预期、检查结果与判定的简体中文措辞，与英文版（verdict-words.ts）一一对应。 */
import type { Side } from '../types.ts';
import type { Range, VerdictWords } from './verdict-words.ts';

const SIDES: Record<Side, string> = { client: '客户端', server: '服务器' };
const side = (s: Side | undefined) => (s ? SIDES[s] : '未知一方');

const range = ({ min, max }: Range) => {
  if (max === undefined) return `至少 ${min}`;
  if (max === min) return `正好 ${min}`;
  return min === 0 ? `至多 ${max}` : `${min} 到 ${max}`;
};

export const VERDICT_WORDS_ZH: VerdictWords = {
  side,
  range,
  own: (e) => e.textZh,
  inConv: (n) => `（会话 ${n}）`,
  steps: (s, kinds) => `${side(s)}：${kinds}`,
  stepError: (s, code) => `${side(s)}得到 ${code}`,
  noStep: (s, kind) => `${side(s)}从不执行 ${kind}`,
  stepCount: (s, kind, r) => `${side(s)}执行 ${kind} ${range(r)} 次`,
  bytes: (s, kind, total) => `${side(s)}${kind === 'read' ? '读取' : '写入'} ${total} 字节`,
  conversations: (n) => `${n} 个会话`,
  flow: (patterns) => `报文：${patterns.join('，')}`,
  firstFin: (from) => `${side(from)}先发送 FIN`,
  rstNotFin: (from) => `${side(from)}发送 RST 而不是 FIN`,
  dataPackets: (from, r) => `${side(from)}发出${range(r)}个数据报文`,
  fewerDataPackets: (from, than) => `${side(from)}的数据报文比会话 ${than} 中少`,
  analysis: (flags, from, r) =>
    `${from ? `${side(from)}的 ` : ''}${flags.join(' 或 ')}（${range(r)} 个）`,
  icmpUnreachable: '返回一个 ICMP 端口不可达',
  ipVersion: (v) => `每个报文都是 IPv${v}`,
  packet: (from, what, data) =>
    `${from ? side(from) : '?'} ${what}${data ? (what ? '+数据' : '数据') : ''}`,
  convPrefix: (n) => `会话 ${n}：`,
  noSuchConv: '这次运行没有打开这个会话',
  sawConvs: (n) => `看到 ${n} 个会话`,
  sawSteps: (s, kinds) => `看到${side(s)}：${kinds.join(' → ') || '没有步骤'}`,
  sawCodes: (codes) => `看到的是 ${codes.join('、')}`,
  sawNoError: (s) => `${side(s)}没有出错`,
  sawStepTimes: (kind, n) => `看到 ${kind} ${n} 次`,
  saw: (n) => `看到 ${n} 个`,
  sawBytes: (n) => `看到 ${n} 字节`,
  icmpSeen: '看到了 ICMP 端口不可达，符合预期',
  sawNoIcmp: (n) => `没有看到 ICMP 端口不可达（共 ${n} 个报文）`,
  sawNoPackets: '没有看到报文',
  notIpVersion: (n, v) => `${n} 个报文不是 IPv${v}`,
  versus: (a, b, met) => `${met ? '' : '看到 '}${a} 对 ${b}`,
  firstFinMet: (from) => `${side(from)}先发送了 FIN，符合预期`,
  firstFinOther: (from, saw) =>
    `预期${side(from)}先发送 FIN，${saw === null ? '但没有看到 FIN' : `但先发送的是${side(saw)}`}`,
  rstMet: '看到 RST 而不是 FIN，符合预期',
  rstMissing: (from, sawFin) =>
    `预期${side(from)}发送 RST，${sawFin ? '看到的却是 FIN' : '但既没有 RST 也没有 FIN'}`,
  finBeforeRst: (from) => `预期 RST 而不是 FIN，但${side(from)}先发送了 FIN`,
  dataPacketCount: (n) => `${n} 个数据报文`,
  seen: (n) => `看到 ${n} 个`,
  flowNext: (pattern, seen, more) =>
    `预期下一个是 ${pattern}，看到的是 ${seen.join('，') || '没有报文'}${more ? '，…' : ''}`,
  gapsLost: (n) => `抓包漏掉了 ${n} 个报文之前的报文段（被内核丢弃？）`,
  gapsTail: '抓包漏掉了最后的报文（被内核丢弃？）',
  saysExpected: (detail) => detail.startsWith('预期'),
  gapAndDetail: (gaps, detail) => `${gaps}；${detail}`,
  expectedButSaw: (text, detail) => `预期${text}；${detail ?? '没有看到'}`,
  notChecked: (n, gaps) => (n ? `有 ${n} 项报文检查没有运行：${gaps ?? '没有抓包'}。` : ''),
  differs: (what, more, notRun) => `不同：${what}${more ? `（另有 ${more} 项）` : ''}。${notRun}`,
  asExpected: (optional, ran, all, notRun) => {
    const aside = optional ? `，有 ${optional} 项可选检查不同` : '';
    return `符合预期${aside}（${all} 项检查中运行了 ${ran} 项）。${notRun}`;
  },
};
