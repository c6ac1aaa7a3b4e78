import { z } from 'zod'
import { Id } from '../primitives'

/** One API method: what it accepts and what it answers. */
export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })

export const Empty = z.object({}).strict()
export const ById = z.object({ id: Id }).strict()
export const Done = z.object({ ok: z.literal(true) })
