import { PlusOutlined } from '@ant-design/icons'
import { Button, Segmented } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SpreadsheetGrid } from '../../grid/components/SpreadsheetGrid'
import { KanbanBoard } from '../../kanban/components/KanbanBoard'
import { OpportunityDetailDrawer } from '../../opportunity/components/OpportunityDetailDrawer'
import { OpportunityFormDrawer } from '../../opportunity/components/OpportunityFormDrawer'
import { useGridView } from '../../views/hooks/useGridView'
import { useWorkspaceEmpty } from '../hooks/useWorkspaceEmpty'
import { takeDrillDown } from '../utils/drillDown'
import { EmptyWorkspace } from './EmptyWorkspace'

export type PipelineMode = 'grid' | 'board'

interface Props {
  mode?: PipelineMode
  /** Switches between the grid and the board (the route decides which shows). */
  onModeChange?(mode: PipelineMode): void
}

/**
 * The deals, as a spreadsheet or as a board. Both show the same filters,
 * search and saved view, so switching keeps what the person narrowed to.
 */
export function PipelinePage({ mode = 'grid', onModeChange }: Props) {
  const { t } = useTranslation()
  const empty = useWorkspaceEmpty()
  const view = useGridView('opportunity')
  const [creating, setCreating] = useState(false)
  const [openId, setOpenId] = useState<number | null>(null)
  // Arriving from a dashboard figure: show exactly its rows.
  const { setState } = view
  useEffect(() => {
    const drilled = takeDrillDown()
    if (drilled) setState(drilled)
  }, [setState])

  const switcher = onModeChange && (
    <Segmented<PipelineMode>
      aria-label={t('pipeline.modeLabel')}
      value={mode}
      onChange={onModeChange}
      options={[
        { value: 'grid', label: t('pipeline.modeGrid') },
        { value: 'board', label: t('pipeline.modeBoard') },
      ]}
    />
  )
  const start = (
    <>
      {switcher}
      {view.menu}
    </>
  )
  const newButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('pipeline.newOpportunity')}
    </Button>
  )

  const body = () => {
    // The grid does not wait for the check: only an empty workspace shows something else.
    // The check refetches itself on the 'data-changed' event the demo load sends.
    if (empty) return <EmptyWorkspace onCreate={() => setCreating(true)} />
    if (mode === 'board') {
      return <KanbanBoard state={view.state} onStateChange={view.setState} toolbarStart={start} toolbarExtra={newButton} onOpen={setOpenId} />
    }
    return (
      <SpreadsheetGrid
        entity="opportunity"
        label={t('pipeline.title')}
        state={view.state}
        onStateChange={view.setState}
        toolbarStart={start}
        toolbarExtra={newButton}
        onOpenRow={setOpenId}
      />
    )
  }

  return (
    <section className="wb-page wb-page-fill" aria-label={mode === 'board' ? t('kanban.label') : t('pipeline.title')}>
      {body()}
      {/* Mounted only while open: a closed drawer still costs a render on every visit. */}
      {creating && <OpportunityFormDrawer open onClose={() => setCreating(false)} />}
      {openId !== null && <OpportunityDetailDrawer opportunityId={openId} onClose={() => setOpenId(null)} />}
    </section>
  )
}
