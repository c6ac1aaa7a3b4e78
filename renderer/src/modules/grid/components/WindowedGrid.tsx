import type { ReactNode } from 'react'
import type { GridEntity } from '../../../../../shared/enums'
import { useGridView } from '../../views/hooks/useGridView'
import { SpreadsheetGrid } from './SpreadsheetGrid'

interface Props {
  entity: GridEntity
  /** Accessible name of the grid, e.g. the page title. */
  label: string
  toolbarExtra?: ReactNode
  /** Opens a record (the row-number button, or Space). */
  onOpenRow?(id: number): void
}

/** One entity's spreadsheet with its saved views: what every list screen shows. */
export function WindowedGrid({ entity, label, toolbarExtra, onOpenRow }: Props) {
  const view = useGridView(entity)
  return (
    <SpreadsheetGrid
      entity={entity}
      label={label}
      state={view.state}
      onStateChange={view.setState}
      toolbarStart={view.menu}
      toolbarExtra={toolbarExtra}
      onOpenRow={onOpenRow}
    />
  )
}
