import { z } from 'zod'
import { Id } from '../../primitives'
import { method } from '../define'
import { RecordType } from './agenda'

export const SearchHit = z.object({
  entityType: RecordType,
  id: Id,
  title: z.string(),
  subtitle: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
})
export type SearchHit = z.infer<typeof SearchHit>

export const SearchGroup = z.object({
  entityType: RecordType,
  items: z.array(SearchHit),
  /** More records match than are shown. */
  more: z.boolean(),
})
export type SearchGroup = z.infer<typeof SearchGroup>

/** Global search (Ctrl+K) by name, company, phone and email, one group per type. */
export const loopSearchMethods = {
  'search.global': method(
    z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(20).default(5) }).strict(),
    z.object({ groups: z.array(SearchGroup) }),
  ),
} as const
