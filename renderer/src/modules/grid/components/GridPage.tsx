import type { GridEntity } from '../../../../../shared/enums'
import { WindowedGrid } from './WindowedGrid'

/** A screen that is one entity's grid and nothing else. */
export function GridPage({ entity, title, onOpenRow }: { entity: GridEntity; title: string; onOpenRow?(id: number): void }) {
  return (
    <section className="wb-page wb-page-fill" aria-label={title}>
      <WindowedGrid entity={entity} label={title} onOpenRow={onOpenRow} />
    </section>
  )
}
