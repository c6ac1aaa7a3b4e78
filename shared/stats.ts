import { z } from 'zod'
import { Id } from './primitives'

/** Counts per entity and per stage: the CLI's `stats`, the empty-state check and backup summaries. */
export const WorkspaceStats = z.object({
  counts: z.object({
    users: z.number().int(),
    accounts: z.number().int(),
    contacts: z.number().int(),
    leads: z.number().int(),
    opportunities: z.number().int(),
    activities: z.number().int(),
    tasks: z.number().int(),
    stageHistory: z.number().int(),
  }),
  byStage: z.array(
    z.object({ stageId: Id, key: z.string(), nameZh: z.string(), nameEn: z.string(), count: z.number().int() }),
  ),
})
export type WorkspaceStats = z.infer<typeof WorkspaceStats>
