import {
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core'
import { Alert, App, Button, Select } from 'antd'
import { useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodInput } from '../../../../../shared/api'
import type { Opportunity } from '../../../../../shared/entities'
import type { GroupRow } from '../../../../../shared/query'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { FilterBar } from '../../grid/components/FilterBar'
import { GridToolbar } from '../../grid/components/GridToolbar'
import { useCustomFields } from '../../customFields/hooks/useCustomFields'
import { nestCustom } from '../../customFields/utils/customColumns'
import { useMissingFieldsPrompt } from '../../grid/hooks/useMissingFieldsPrompt'
import { useRowCache } from '../../grid/hooks/useRowCache'
import { segmentKey, type Segment } from '../../grid/utils/rowCache'
import { needsOfRefusal } from '../../grid/utils/stageRules'
import { toGridQuery, type Filter, type GridViewState } from '../../grid/utils/viewState'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { localDate } from '../utils/cardFlags'
import { KanbanCard } from './KanbanCard'
import { KanbanColumn } from './KanbanColumn'
import '../styles/kanban.css'

interface Props {
  state: GridViewState
  onStateChange(next: GridViewState): void
  toolbarStart?: ReactNode
  toolbarExtra?: ReactNode
  onOpen(id: number): void
}

/** Cards sort by the view's order, else biggest first. */
const DEFAULT_SORT = [{ column: 'amount', desc: true }]

/** Over a column if the pointer is in it; otherwise whichever column the card overlaps most. */
const columnsUnderPointer: CollisionDetection = (args) => {
  const hits = pointerWithin(args)
  return hits.length > 0 ? hits : rectIntersection(args)
}

/**
 * The pipeline as a board: a column per open stage, then Won and Lost.
 * It honours the grid's filters, search and saved view; dragging a card
 * moves the deal (with its stage history), asking first for anything the
 * target stage requires.
 */
export function KanbanBoard({ state, onStateChange, toolbarStart, toolbarExtra, onOpen }: Props) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const { currentUserId, baseCurrency } = usePreferences()
  const labels = useLabels()
  const { pipelines, stages } = useReferenceData()
  const { cache, version } = useRowCache('opportunity')
  const prompt = useMissingFieldsPrompt()
  const dealFields = useCustomFields('opportunity')

  const ordered = useMemo(() => [...pipelines].sort((a, b) => a.sortOrder - b.sortOrder), [pipelines])
  // A view filtered to one pipeline opens on that pipeline.
  const viewPipeline = state.filters.find((f) => f.column === 'pipelineId' && f.op === 'in' && Array.isArray(f.value) && f.value.length === 1)
  const [chosen, setChosen] = useState<number | null>(null)
  const pipelineId = chosen ?? (viewPipeline ? Number((viewPipeline.value as unknown[])[0]) : ordered[0]?.id)

  const columns = useMemo(() => {
    const inPipeline = stages.filter((s) => s.pipelineId === pipelineId && s.active).sort((a, b) => a.sortOrder - b.sortOrder)
    return [...inPipeline.filter((s) => s.kind === 'open'), ...inPipeline.filter((s) => s.kind === 'won'), ...inPipeline.filter((s) => s.kind === 'lost')]
  }, [stages, pipelineId])

  const [collapsedIds, setCollapsedIds] = useState<ReadonlySet<number> | null>(null)
  // Won and Lost start folded: the board is about what is still open.
  const collapsed = useMemo(() => collapsedIds ?? new Set(columns.filter((s) => s.kind !== 'open').map((s) => s.id)), [collapsedIds, columns])
  const toggle = useCallback(
    (stageId: number) =>
      setCollapsedIds(() => {
        const next = new Set(collapsed)
        if (next.has(stageId)) next.delete(stageId)
        else next.add(stageId)
        return next
      }),
    [collapsed],
  )

  const pipelineFilter = useMemo<Filter[]>(() => (pipelineId ? [{ column: 'pipelineId', op: 'in', value: [pipelineId] }] : []), [pipelineId])
  const query = useMemo(
    () => toGridQuery({ ...state, sort: state.sort.length ? state.sort : DEFAULT_SORT }, currentUserId, pipelineFilter),
    [state, currentUserId, pipelineFilter],
  )
  const groups = useApiQuery(
    'grid.groups',
    { entity: 'opportunity', groupBy: 'stageId', filters: query.filters, search: query.search } as MethodInput<'grid.groups'>,
    { reads: ['opportunity'] },
  )
  const groupOf = useMemo(() => new Map<number, GroupRow>((groups.data ?? []).map((g) => [Number(g.key), g])), [groups.data])

  const segments = useMemo(
    () =>
      new Map(
        columns.map((stage): [number, Segment] => {
          const stageQuery = { ...query, filters: [...query.filters, { column: 'stageId', op: 'in' as const, value: [stage.id] }] }
          // Until grid.groups answers, each column counts its own first window, so cards need not wait.
          const count = groups.data ? (groupOf.get(stage.id)?.count ?? 0) : undefined
          return [stage.id, { key: segmentKey(stageQuery), query: stageQuery, count }]
        }),
      ),
    [columns, query, groupOf, groups.data],
  )
  useLayoutEffect(() => {
    cache.setSegments([...segments.values()])
  }, [cache, segments])

  const [now] = useState(() => new Date())
  const today = localDate(now)
  const total = (groups.data ?? []).reduce((sum, g) => sum + g.count, 0)

  /** Moves a deal, asking for what the stage requires; a conflict is reported, never overwritten. */
  const move = useCallback(
    async (deal: Opportunity, stageId: number) => {
      if (deal.stageId === stageId) return
      const stageName = labels.stageName(stageId) ?? ''
      let patch: Record<string, unknown> = { stageId }
      for (;;) {
        try {
          await api.call('opportunities.update', { id: deal.id, version: deal.version, patch: nestCustom(patch) } as MethodInput<'opportunities.update'>)
          void message.success(t('kanban.moved', { name: deal.name, stage: stageName }))
          return
        } catch (error) {
          const needs = isApiCallError(error)
            ? needsOfRefusal(error.code, error.details, { stageId, facts: { ...deal, ...patch }, customFields: dealFields })
            : null
          if (needs && needs.length > 0) {
            const values = await prompt.ask({ fields: needs, stageName, subject: deal.name, accountName: deal.accountName })
            if (!values) return
            patch = { ...patch, ...values }
            continue
          }
          if (isApiCallError(error) && error.code === 'CONFLICT') {
            const current = (error.details as { current?: { stage_id?: number } })?.current
            modal.warning({
              title: t('grid.write.conflictTitle'),
              content: (
                <div data-testid="grid-conflict">
                  <p>{t('grid.write.conflictIntro', { name: deal.name })}</p>
                  <p>{t('grid.write.conflictFieldOnly', { column: t('opportunityForm.fields.stageId'), fresh: labels.stageName(current?.stage_id) ?? '' })}</p>
                </div>
              ),
            })
            void cache.invalidate()
            return
          }
          void message.error(isApiCallError(error) ? error.message : String(error))
          return
        }
      }
    },
    [cache, dealFields, labels, message, modal, prompt, t],
  )

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }))
  const [dragging, setDragging] = useState<Opportunity | null>(null)
  const onDragStart = (event: DragStartEvent) => setDragging((event.active.data.current as { deal: Opportunity } | undefined)?.deal ?? null)
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null)
    const deal = (event.active.data.current as { deal: Opportunity } | undefined)?.deal
    const stageId = (event.over?.data.current as { stageId?: number } | undefined)?.stageId
    if (deal && stageId !== undefined) void move(deal, stageId)
  }

  return (
    <div className="wb-grid-frame">
      <GridToolbar
        search={state.search}
        onSearch={(search) => onStateChange({ ...state, search })}
        total={groups.data ? total : undefined}
        filtersActive={state.filters.length > 0}
        onClearFilters={() => onStateChange({ ...state, filters: [] })}
        start={toolbarStart}
        filters={<FilterBar entity="opportunity" state={state} onChange={onStateChange} />}
        actions={
          <Select<number>
            aria-label={t('kanban.pipeline')}
            value={pipelineId}
            onChange={setChosen}
            style={{ minWidth: 140 }}
            options={ordered.map((p) => ({ value: p.id, label: labels.bilingual(p.nameZh, p.nameEn) }))}
          />
        }
        extra={toolbarExtra}
      />
      {groups.error && (
        <Alert type="error" showIcon title={groups.error.message} action={<Button onClick={groups.refetch}>{t('common.retry')}</Button>} />
      )}
      <DndContext sensors={sensors} collisionDetection={columnsUnderPointer} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
        <div className="wb-kanban" role="region" aria-label={t('kanban.label')} data-testid="kanban">
          {columns.map((stage) => {
            const segment = segments.get(stage.id)!
            return (
              <KanbanColumn
                key={stage.id}
                stage={stage}
                stageName={labels.bilingual(stage.nameZh, stage.nameEn)}
                group={groupOf.get(stage.id)}
                segment={segment.key}
                cache={cache}
                version={version}
                collapsed={collapsed.has(stage.id)}
                onToggle={toggle}
                baseCurrency={baseCurrency}
                today={today}
                now={now}
                stages={columns}
                onOpen={onOpen}
                onMove={(deal, stageId) => void move(deal, stageId)}
                draggingId={dragging?.id ?? null}
              />
            )
          })}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging ? <KanbanCard deal={dragging} today={today} now={now} stages={columns} overlay /> : null}
        </DragOverlay>
      </DndContext>
      {prompt.element}
    </div>
  )
}
