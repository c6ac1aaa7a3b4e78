import { z } from 'zod'

/** Row ids are SQLite integer primary keys. */
export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export type Id = z.infer<typeof Id>

/** Calendar date, as Excel users think of it: YYYY-MM-DD with no time zone. */
export const IsoDate = z.iso.date()
/** A moment in time, stored and sent as an ISO-8601 string in UTC. */
export const IsoDateTime = z.iso.datetime({ offset: true })

const shortText = (max: number) => z.string().trim().max(max)
export const Name = shortText(200).min(1)
export const OptionalText = (max = 2000) => shortText(max).nullable().optional()
export const Money = z.number().finite().min(-1e15).max(1e15)
export const Probability = z.number().int().min(0).max(100)
export const Email = z.email().max(320)
export const Phone = z.string().trim().max(40).regex(/^[0-9+()\-\s#,;/*.]*$/)

/** Optimistic concurrency: the version a client last saw. */
export const Version = z.number().int().min(1)
