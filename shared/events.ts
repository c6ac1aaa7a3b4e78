import { z } from 'zod'
import { EntityType } from './enums'

/** Push events from the core to every open window. A closed list. */
export const Events = {
  'data-changed': z.object({ entities: z.array(EntityType), reason: z.string() }),
  progress: z.object({
    jobId: z.string(),
    phase: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
} as const

export type EventName = keyof typeof Events
export type EventPayload<E extends EventName> = z.infer<(typeof Events)[E]>
export const EventNames = Object.keys(Events) as EventName[]
