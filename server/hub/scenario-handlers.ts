/**
 * The scenario events of the socket.io contract: `scenarios` (catalog and current runs),
 * `runScenario` (validated, queued), and `scenario` status broadcast to every page.
 */
import { z } from 'zod';
import { SCENARIO_IDS } from '../../core/scenario/scenario-id.ts';
import { CONCURRENT_MAX } from '../../core/scenario/scenario-sizes.ts';
import type { ScenarioService } from '../scenarios/scenario-service.ts';
import type { HubServer } from './hub-server.ts';
import type { GuardedEvents } from './guarded-events.ts';

/** No target field: a page can only run scenarios against the server's own endpoints. */
export const runScenarioSchema = z
  .strictObject({
    id: z.enum(SCENARIO_IDS as [string, ...string[]], 'No such scenario.'),
    clients: z.number().int().min(1).max(CONCURRENT_MAX).optional(),
  })
  .refine((r) => r.clients === undefined || r.id === 'concurrent', {
    message: 'clients applies only to the concurrent scenario.',
  });

export function attachScenarios(
  io: HubServer,
  events: GuardedEvents,
  service: ScenarioService,
): () => void {
  const off = service.onStatus((s) => io.emit('scenario', s));
  io.on('connection', (socket) => {
    events.on(socket, 'scenarios', z.undefined(), () => service.catalog());
    events.on(socket, 'runScenario', runScenarioSchema, ({ id, clients }) => {
      const params = clients === undefined ? {} : { clients };
      return service.enqueue(id as (typeof SCENARIO_IDS)[number], params, socket.id);
    });
  });
  return off;
}
