import type { Database } from 'better-sqlite3'
import { LeadRating } from '../../../../shared/methods/loop'
import { gradeLead, parseBant, scoreLead, type LeadFacts } from '../../domain/leadRating'
import { defaultLoopConfig } from '../../domain/loopDefaults'
import { searchDocument } from '../../domain/searchText'

type SqlText = string | null

/** The rating rules behind one settings value, parsed once while the value stays the same. */
function ratingReader(): (json: unknown) => LeadRating {
  let lastText: unknown
  let lastRating = defaultLoopConfig.leadRating
  return (json) => {
    if (json !== lastText) {
      lastText = json
      const parsed = typeof json === 'string' ? LeadRating.safeParse(safeJson(json)) : null
      lastRating = parsed?.success ? parsed.data : defaultLoopConfig.leadRating
    }
    return lastRating
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * SQL functions the closed loop's triggers call, registered on every
 * connection: the search index's tokens and the lead rating. Each takes all
 * it needs as arguments (a function may not query the connection it runs in).
 */
export function registerLoopFunctions(db: Database): void {
  const rating = ratingReader()
  db.function('wb_search_text', { deterministic: true, varargs: true }, (...values: unknown[]) => searchDocument(...values))
  db.function(
    'wb_lead_score',
    { deterministic: true },
    (config: unknown, bant: unknown, source: SqlText, industry: SqlText, region: SqlText, productInterest: SqlText,
      contactName: SqlText, phone: SqlText, email: SqlText, notes: SqlText, lastActivityAt: SqlText, now: unknown) => {
      const facts: LeadFacts = {
        source, industry, region, productInterest, contactName, phone, email, notes, lastActivityAt, bant: parseBant(bant),
      }
      return scoreLead(rating(config), facts, new Date(String(now)))
    },
  )
  db.function('wb_lead_grade', { deterministic: true }, (config: unknown, bant: unknown, score: unknown) =>
    gradeLead(rating(config), parseBant(bant), Number(score)),
  )
}
