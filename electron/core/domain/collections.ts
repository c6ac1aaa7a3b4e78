/**
 * Collections (回款): payments received are applied to the payment plan's
 * instalments oldest first. What remains unpaid of instalments due before
 * today is overdue; the first instalment not fully paid is the next one due.
 */

export interface PlannedInstalment {
  id: number
  dueDate: string
  amount: number
}

export type InstalmentStatus = 'paid' | 'partial' | 'overdue' | 'upcoming'

export interface AllocatedInstalment<T extends PlannedInstalment> {
  instalment: T
  paid: number
  status: InstalmentStatus
}

export interface Collection<T extends PlannedInstalment> {
  instalments: AllocatedInstalment<T>[]
  received: number
  balance: number
  overdue: number
  nextDueDate: string | null
  nextDueAmount: number | null
}

/** Money is compared to the cent, so float sums never leave a ghost balance. */
const cents = (value: number) => Math.round(value * 100) / 100

export function allocatePayments<T extends PlannedInstalment>(
  contractAmount: number,
  plan: readonly T[],
  received: number,
  today: string,
): Collection<T> {
  const ordered = [...plan].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id)
  let left = received
  let overdue = 0
  let next: AllocatedInstalment<T> | null = null
  const instalments = ordered.map((instalment) => {
    const paid = cents(Math.min(instalment.amount, Math.max(0, left)))
    left -= paid
    const unpaid = cents(instalment.amount - paid)
    const status: InstalmentStatus =
      unpaid <= 0 ? 'paid' : instalment.dueDate < today ? 'overdue' : paid > 0 ? 'partial' : 'upcoming'
    if (status === 'overdue') overdue += unpaid
    const allocated = { instalment, paid, status }
    if (unpaid > 0 && next === null) next = allocated
    return allocated
  })
  const first = next as AllocatedInstalment<T> | null
  return {
    instalments,
    received: cents(received),
    balance: cents(Math.max(0, contractAmount - received)),
    overdue: cents(overdue),
    nextDueDate: first?.instalment.dueDate ?? null,
    nextDueAmount: first ? cents(first.instalment.amount - first.paid) : null,
  }
}
