/**
 * 录制列表的简体中文文字（键与 messages-sessions.ts 一一对应）。服务器保存的 session 叫“录制”，
 * 一条 TCP/UDP 流（conversation）叫“会话”，与 Wireshark 中文界面的“统计 → 会话”一致。
 */
import type { sessionsEn } from './messages-sessions.ts';

export const sessionsZh: Record<keyof typeof sessionsEn, string> = {
  'list.open': '录制…',
  'list.open.title': '服务器保存的所有录制：查看、重命名、删除，或开始新录制',
  'list.title': '录制',
  'list.close': '关闭',
  'list.new': '新建录制',
  'list.new.title': '保留当前实时录制不变，开始一个空的新录制；全班跟随',
  'list.newName': '新录制的名称（可不填）',
  'list.name': '名称',
  'list.kind': '类型',
  'list.when': '开始于',
  'list.size': '大小',
  'list.kind.live': '实时',
  'list.kind.closed': '已保存',
  'list.kind.file': '文件',
  'list.records': '{packets} 个报文，{steps} 次调用',
  'list.onDisk': '磁盘上 {mb} MiB',
  'list.show': '查看',
  'list.shown': '正在显示',
  'list.rename': '重命名',
  'list.save': '保存',
  'list.cancel': '取消',
  'list.delete': '删除',
  'list.confirmDelete': '确定永久删除？',
  'list.presenterOnly': '只有主讲人可以更改录制。',
  'list.failed': '无法完成：{why}',
  'list.pruned': '为不超过容量上限，已从磁盘删除：{names}',
  'list.dropped': '为不超过本录制的容量上限，最早的 {n} 条记录已丢弃',
  'list.stored': '之前的录制',
  'list.empty': '没有录制。',
  'list.liveTitle': '实时录制：回显端点',
  'list.liveServerTitle': '实时录制：回显端点（服务器 {node}）',
  'list.closedTitle': '{title}（{started} UTC）',
};
