import type { DuplicateMatch } from '../../../../../shared/methods/loop'

export interface ConversionPlan {
  /** The account the conversion will join, or null for a new one named after the company. */
  account: DuplicateMatch | null
  /** The contact it will reuse, or null for a new one (when the lead names a person). */
  contact: DuplicateMatch | null
}

/**
 * What `leads.convert` will reuse, read from the duplicate check: an account
 * with the same normalised company name, a contact with the same phone or email.
 */
export function conversionPlan(matches: readonly DuplicateMatch[]): ConversionPlan {
  const account = matches.find((m) => m.entityType === 'account' && m.exact && m.matchedOn.includes('company')) ?? null
  const contact =
    matches.find((m) => m.entityType === 'contact' && (m.matchedOn.includes('phone') || m.matchedOn.includes('email'))) ?? null
  return { account, contact }
}

/** The deal name a conversion suggests: the company and what it is interested in. */
export function suggestedDealName(company: string, productInterest: string | null): string {
  return [company, productInterest?.trim()].filter(Boolean).join(' ')
}
