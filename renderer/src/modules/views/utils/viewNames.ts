import type { TFunction } from 'i18next'
import type { SavedView } from '../../../../../shared/entities'

/** The four views every workspace ships with, named in the person's language. */
export const builtinViewKeys = ['my_open_deals', 'closing_this_month', 'stale_deals', 'won_this_quarter'] as const

/** A view's name: built-in views by their key's translation, the rest as their owners named them. */
export function viewName(view: Pick<SavedView, 'builtinKey' | 'name'>, t: TFunction): string {
  if (view.builtinKey && (builtinViewKeys as readonly string[]).includes(view.builtinKey)) return t(`views.builtin.${view.builtinKey}`)
  return view.name
}

/** Whether the current user may change or delete a view (built-in ones are copied, never edited). */
export function ownsView(view: Pick<SavedView, 'builtinKey' | 'ownerId'>, userId: number | null): boolean {
  return view.builtinKey === null && view.ownerId === userId
}
