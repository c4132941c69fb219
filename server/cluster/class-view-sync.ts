/**
 * The presenter's view across server processes: every page already hears `presenterView` through
 * the adapter; the other processes keep it too, so a page connecting to any of them later is
 * told the view at once, and a process back from a Redis outage asks for it again.
 */
import type { PresenterView } from '../../core/class/class-protocol.ts';
import type { Classroom } from '../class/classroom.ts';
import type { HubServer } from '../hub/hub-server.ts';
import { askOthers } from './ask-others.ts';
import { classViewSchema } from './cluster-events.ts';

export interface ClassViewSync {
  /** The presenter set the view on this process. */
  published(v: PresenterView): void;
  /** After (re)joining: takes the others' view if this process has none. */
  rejoined(): Promise<void>;
}

export function syncClassView(io: HubServer, room: () => Classroom | null): ClassViewSync {
  io.on('classView', (v) => {
    const parsed = classViewSchema.safeParse(v);
    if (parsed.success) room()?.adoptView(parsed.data);
  });
  io.on('classViewNow', (ack) => {
    if (typeof ack === 'function') ack(room()?.view ?? null);
  });
  return {
    published: (v) => void io.serverSideEmit('classView', v),
    rejoined: async () => {
      const views = await askOthers(io, 'classViewNow');
      const classroom = room();
      if (!classroom || classroom.view) return;
      for (const v of views) {
        const parsed = classViewSchema.safeParse(v);
        if (!parsed.success) continue;
        classroom.adoptView(parsed.data);
        io.local.emit('presenterView', parsed.data);
        return;
      }
    },
  };
}
