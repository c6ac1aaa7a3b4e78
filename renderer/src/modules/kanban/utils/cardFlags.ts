import type { Opportunity } from '../../../../../shared/entities'

const DAY_MS = 86_400_000

export type CardFlag = 'rotting' | 'followUpOverdue' | 'noFollowUp'

/** A calendar date ('YYYY-MM-DD') of `now` in this time zone, as people read "today". */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Whole days the deal has sat in its stage. */
export function daysInStage(stageEnteredAt: string, now: Date): number {
  const entered = Date.parse(stageEnteredAt)
  return Number.isNaN(entered) ? 0 : Math.max(0, Math.floor((now.getTime() - entered) / DAY_MS))
}

/**
 * What a card warns about. Only open deals can rot or owe a follow-up: a won
 * or lost one has nothing left to chase.
 */
export function cardFlags(
  deal: Pick<Opportunity, 'stageKind' | 'isRotting' | 'nextFollowUpDate'>,
  today: string,
): CardFlag[] {
  if (deal.stageKind !== 'open') return []
  const flags: CardFlag[] = []
  if (deal.isRotting) flags.push('rotting')
  if (deal.nextFollowUpDate === null) flags.push('noFollowUp')
  else if (deal.nextFollowUpDate < today) flags.push('followUpOverdue')
  return flags
}
