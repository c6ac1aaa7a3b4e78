import { CopyOutlined, EditOutlined, RedoOutlined, SnippetsOutlined, UndoOutlined } from '@ant-design/icons'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { Alert, App, Button, Dropdown, Empty, Select, Tooltip } from 'antd'
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import { coerceMessage } from '../../../../../shared/coerce'
import { GridPatches } from '../../../../../shared/entities'
import type { GridEntity } from '../../../../../shared/enums'
import { issueMessage } from '../../forms/utils/issueMessage'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useCellContext } from '../hooks/useCellContext'
import { useCellRenderer } from '../hooks/useCellRenderer'
import { useDisplayModel } from '../hooks/useDisplayModel'
import { useColumnModel } from '../hooks/useColumnModel'
import { useGridActions } from '../hooks/useGridActions'
import { useGridWrites } from '../hooks/useGridWrites'
import { useGroupLabel } from '../hooks/useGroupLabel'
import { useRowCache } from '../hooks/useRowCache'
import { cellText, changedFields, coerceCellText, fieldOf, patchFor } from '../utils/cellModel'
import type { ColumnFilter } from '../utils/columnFilters'
import { columnLabel, isEditableEntity, recordTitle } from '../utils/entityFacts'
import { groupableColumns } from '../utils/groups'
import { gridCommand } from '../utils/keyboard'
import type { CachedRow } from '../utils/rowCache'
import {
  cellSelection,
  clampSelection,
  moveSelection,
  rangeOf,
  rowsSelection,
  tabSelection,
  type Bounds,
  type CellPos,
  type Selection,
} from '../utils/selection'
import type { Patch } from '../utils/undoStack'
import {
  contractColumns,
  defaultViewState,
  toGridQuery,
  withColumnFilter,
  type GridViewState,
} from '../utils/viewState'
import { BulkEditModal } from './BulkEditModal'
import { CellEditor, type EditMove, type EditResult } from './CellEditor'
import { ColumnsMenu } from './ColumnsMenu'
import { ExportButton } from './ExportButton'
import { FilterBar } from './FilterBar'
import { cellId, GridBodyRow } from './GridBodyRow'
import { GridGroupRow } from './GridGroupRow'
import { GridHeader } from './GridHeader'
import { GridToolbar } from './GridToolbar'
import { useCustomColumnsSignature } from '../../customFields/hooks/useCustomColumnsSignature'
import { FOLLOW_UP_MENU_KEY, followUpMenuItems, openFollowUpForRow } from '../../followUps/utils/followUpMenu'
import { MergeRowsButton } from '../../merge/components/MergeRowsButton'
import '../styles/grid.css'

const ROW_HEIGHT = 36
const HEADER_HEIGHT = 40
const GUTTER_WIDTH = 64
const OVERSCAN_ROWS = 8
/** Even if a layout bug let the grid grow as tall as its content, the DOM stays this small. */
const MAX_RENDERED_ROWS = 150
/** Columns this far beyond either edge of the viewport are still rendered. */
const COLUMN_OVERSCAN_PX = 480
/** Scrolling sideways re-windows the columns after this many pixels. */
const COLUMN_STEP_PX = 120

interface Props {
  entity: GridEntity
  /** Accessible name of the grid, e.g. the page title. */
  label: string
  state: GridViewState
  onStateChange(next: GridViewState): void
  /** Left of the toolbar: the saved views menu, a grid/board switch. */
  toolbarStart?: ReactNode
  toolbarExtra?: ReactNode
  /** Opens a record (the row-number button, or Space). */
  onOpenRow?(id: number): void
}

interface Editing {
  index: number
  col: number
  /** The row as it was when editing began: its version is what the write sends. */
  record: CachedRow
  initialText: string | null
  error?: string
  session: number
}

/**
 * A spreadsheet over a window of the core's rows: sorting, filtering,
 * counting and grouping happen in SQL, the DOM holds the rows in view, and
 * every edit, paste, fill, clear or bulk edit is one transaction and one
 * undo step.
 */
export function SpreadsheetGrid(props: Props) {
  // A grid starts afresh when the entity's custom fields change: its columns are built once per mount.
  return <SpreadsheetGridBody key={useCustomColumnsSignature(props.entity)} {...props} />
}

function SpreadsheetGridBody({ entity, label, state, onStateChange, toolbarStart, toolbarExtra, onOpenRow }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { locale, currentUserId, baseCurrency } = usePreferences()
  const renderCell = useCellRenderer()
  const cellContext = useCellContext()
  const { cache, version } = useRowCache(entity)
  const writes = useGridWrites(entity, cache, cellContext.labels)
  const editableGrid = isEditableEntity(entity)
  const gridId = useId().replace(/:/g, '')
  const scrollRef = useRef<HTMLDivElement>(null)
  const keysRef = useRef<HTMLTextAreaElement>(null)
  const frameRef = useRef<HTMLDivElement>(null)

  const stateRef = useRef(state)
  useEffect(() => {
    stateRef.current = state
  }, [state])
  const update = useCallback((patch: Partial<GridViewState>) => onStateChange({ ...stateRef.current, ...patch }), [onStateChange])
  const setColumnFilter = useCallback(
    (column: string, filter: ColumnFilter | undefined) => onStateChange(withColumnFilter(stateRef.current, column, filter)),
    [onStateChange],
  )
  const { resolved, visibleColumns, totalWidth, table, setColumns } = useColumnModel(entity, state, update, GUTTER_WIDTH)

  // Horizontal windowing: cells far to the left or right of the viewport are not rendered.
  const [viewport, setViewport] = useState({ left: 0, width: 1600 })
  const viewportFrame = useRef(0)
  const measureViewport = useCallback(() => {
    cancelAnimationFrame(viewportFrame.current)
    viewportFrame.current = requestAnimationFrame(() => {
      const element = scrollRef.current
      if (!element) return
      setViewport((prev) =>
        Math.abs(prev.left - element.scrollLeft) < COLUMN_STEP_PX && prev.width === element.clientWidth
          ? prev
          : { left: element.scrollLeft, width: element.clientWidth },
      )
    })
  }, [])
  useEffect(() => {
    measureViewport()
    window.addEventListener('resize', measureViewport)
    return () => window.removeEventListener('resize', measureViewport)
  }, [measureViewport])

  // Rows: one window query, or one per group.
  const query = useMemo(
    () => toGridQuery({ ...defaultViewState, filters: state.filters, sort: state.sort, search: state.search }, currentUserId),
    [state.filters, state.sort, state.search, currentUserId],
  )
  const groupColumn = useMemo(() => (state.groupBy ? (contractColumns(entity).find((c) => c.key === state.groupBy) ?? null) : null), [entity, state.groupBy])
  const [collapsedState, setCollapsedState] = useState<{ groupBy: string | null; ids: ReadonlySet<string> }>({ groupBy: null, ids: new Set() })
  const collapsed = useMemo(
    () => (collapsedState.groupBy === state.groupBy ? collapsedState.ids : new Set<string>()),
    [collapsedState, state.groupBy],
  )
  const toggleGroup = useCallback(
    (id: string) =>
      setCollapsedState((prev) => {
        const ids = new Set(prev.groupBy === stateRef.current.groupBy ? prev.ids : [])
        if (ids.has(id)) ids.delete(id)
        else ids.add(id)
        return { groupBy: stateRef.current.groupBy, ids }
      }),
    [],
  )
  const model = useDisplayModel(entity, cache, version, query, groupColumn, collapsed)

  // Selection and editing.
  const [selection, setSelectionState] = useState<Selection>(cellSelection({ row: 0, col: 0 }))
  const [editing, setEditing] = useState<Editing | null>(null)
  const session = useRef(0)
  const [bulkOpen, setBulkOpen] = useState(false)
  const [bulkError, setBulkError] = useState<string>()

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range).slice(0, MAX_RENDERED_ROWS)
      // The row being edited stays mounted while it scrolls away, so the editor keeps its text.
      if (editing && !indexes.includes(editing.index) && editing.index < range.count) indexes.push(editing.index)
      return indexes.sort((a, b) => a - b)
    },
    [editing],
  )
  // The app does not use the React Compiler; TanStack's mutable instances are what we want here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: model.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    paddingStart: 0,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
  })
  const virtualRows = virtualizer.getVirtualItems()
  const firstIndex = virtualRows[0]?.index ?? 0
  const lastIndex = virtualRows.at(-1)?.index ?? 0
  const { want } = model
  useEffect(() => want(firstIndex, lastIndex), [want, firstIndex, lastIndex])

  const bounds = useMemo<Bounds>(
    () => ({
      rows: model.length,
      cols: visibleColumns.length,
      pageRows: Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1),
      isDataRow: model.isDataRow,
    }),
    [model.length, model.isDataRow, visibleColumns.length],
  )
  const safeSelection = clampSelection(selection, bounds)
  const range = rangeOf(safeSelection)
  const focus = safeSelection.focus

  const editingCol = editing?.col
  const rendered = useMemo(() => {
    const from = viewport.left - COLUMN_OVERSCAN_PX
    const to = viewport.left + viewport.width + COLUMN_OVERSCAN_PX
    let x = GUTTER_WIDTH
    return visibleColumns.map((c, i) => {
      const start = x
      x += c.width
      return c.stickyLeft !== undefined || i === editingCol || (start + c.width >= from && start <= to)
    })
  }, [visibleColumns, viewport, editingCol])

  // A new question starts at the top of its answer.
  const queryKey = JSON.stringify([query, state.groupBy])
  const [lastQueryKey, setLastQueryKey] = useState(queryKey)
  if (lastQueryKey !== queryKey) {
    setLastQueryKey(queryKey)
    setSelectionState(cellSelection({ row: 0, col: focus.col }))
    setEditing(null)
  }
  useEffect(() => {
    // Reading scrollTop is free here; scrolling when already at the top would force a layout.
    if (scrollRef.current && scrollRef.current.scrollTop > 0) scrollRef.current.scrollTo({ top: 0 })
  }, [queryKey])

  const focusKeys = useCallback(() => {
    requestAnimationFrame(() => keysRef.current?.focus({ preventScroll: true }))
  }, [])

  /** Scrolls so the cursor's cell is in view, beside any pinned columns. */
  const reveal = useCallback(
    (pos: CellPos) => {
      virtualizer.scrollToIndex(pos.row, { align: 'auto' })
      const element = scrollRef.current
      const column = visibleColumns[pos.col]
      if (!element || !column || column.stickyLeft !== undefined) return
      const pinnedWidth = visibleColumns.filter((c) => c.stickyLeft !== undefined).reduce((sum, c) => sum + c.width, GUTTER_WIDTH)
      const left = GUTTER_WIDTH + visibleColumns.slice(0, pos.col).reduce((sum, c) => sum + c.width, 0)
      const right = left + column.width
      if (left - pinnedWidth < element.scrollLeft) element.scrollLeft = left - pinnedWidth
      else if (right > element.scrollLeft + element.clientWidth) element.scrollLeft = right - element.clientWidth
    },
    [virtualizer, visibleColumns],
  )

  const select = useCallback(
    (next: Selection, scroll = true) => {
      setSelectionState(next)
      if (scroll) reveal(next.focus)
    },
    [reveal],
  )

  const rowAt = useCallback((index: number): CachedRow | undefined => {
    const entry = model.entryAt(index)
    return entry?.kind === 'row' ? entry.row : undefined
  }, [model])

  const columnLabelOf = useCallback((c: ContractColumn) => columnLabel(c, locale), [locale])
  const actions = useGridActions({ entity, model, range, visibleColumns, writes, cellContext, rowAt, select, editable: editableGrid })
  const { commitPatches, copySelection, pasteText, fillDown, clearSelection } = actions
  const applyBulk = async (column: ContractColumn, result: EditResult) => {
    const error = await actions.applyBulk(column, result, () => setBulkOpen(false))
    setBulkError(error)
  }

  // Editing one cell.
  const startEdit = useCallback(
    (initialText: string | null) => {
      if (!editableGrid) {
        void message.info(t('grid.readOnlyGrid'))
        return
      }
      const row = rowAt(focus.row)
      const column = visibleColumns[focus.col]
      if (!row || !column) return
      if (!column.column.editable) {
        void message.info(t('grid.readOnlyColumn', { label: column.label }))
        return
      }
      session.current += 1
      setSelectionState(cellSelection(focus))
      setEditing({ index: focus.row, col: focus.col, record: row, initialText, session: session.current })
    },
    [editableGrid, focus, message, rowAt, t, visibleColumns],
  )

  const afterEdit = useCallback(
    (edit: Editing, move: EditMove) => {
      setEditing(null)
      const from = cellSelection({ row: edit.index, col: edit.col })
      if (move === 'down') select(moveSelection(from, 'down', bounds, false))
      else if (move === 'up') select(moveSelection(from, 'up', bounds, false))
      else if (move === 'right') select(tabSelection(from, false, bounds))
      else if (move === 'left') select(tabSelection(from, true, bounds))
      focusKeys()
    },
    [bounds, focusKeys, select],
  )

  const commitEdit = useCallback(
    (edit: Editing, result: EditResult, move: EditMove) => {
      if (session.current !== edit.session) return
      const column = visibleColumns[edit.col]?.column
      if (!column) return
      const row = edit.record
      let patch: Patch
      let display: Record<string, unknown> | undefined
      if (result.kind === 'text') {
        if (edit.initialText === null && result.text === cellText(column, row, cellContext.labels)) {
          afterEdit(edit, move)
          return
        }
        const coerced = coerceCellText(column, result.text, cellContext.contextFor(column, row))
        if (!coerced.ok) {
          setEditing({ ...edit, error: coerceMessage(coerced.reason, locale) })
          return
        }
        patch = patchFor(entity, column, coerced)
      } else {
        patch = { [fieldOf(column)]: result.value }
        display = result.display
      }
      const changed = changedFields(row, patch)
      if (Object.keys(changed).length === 0) {
        afterEdit(edit, move)
        return
      }
      const parsed = GridPatches[entity].safeParse(changed)
      if (!parsed.success) {
        setEditing({ ...edit, error: issueMessage(parsed.error.issues[0]!, t) })
        return
      }
      session.current += 1
      afterEdit(edit, move)
      void commitPatches('edit', [{ index: edit.index, row, patch: changed, display }])
    },
    [afterEdit, cellContext, commitPatches, entity, locale, t, visibleColumns],
  )

  const cancelEdit = useCallback(
    (edit: Editing) => {
      if (session.current !== edit.session) return
      session.current += 1
      setEditing(null)
      focusKeys()
    },
    [focusKeys],
  )

  // Keys arrive at one hidden text box that keeps focus, so an IME can compose into it.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing || event.key === 'Process') return
    const command = gridCommand(event)
    if (!command) return
    switch (command.type) {
      case 'move':
        select(moveSelection(safeSelection, command.move, bounds, command.extend))
        break
      case 'tab':
        select(tabSelection(safeSelection, command.backward, bounds))
        break
      case 'edit':
        startEdit(null)
        break
      case 'type':
        // The character arrives as input; it starts the edit there.
        return
      case 'clear':
        void clearSelection()
        break
      case 'fillDown':
        void fillDown()
        break
      case 'undo':
        void writes.undo()
        break
      case 'redo':
        void writes.redo()
        break
      case 'selectAll':
        select({ anchor: { row: 0, col: 0 }, focus: { row: Math.max(0, model.length - 1), col: Math.max(0, visibleColumns.length - 1) } }, false)
        break
      case 'open': {
        const row = rowAt(focus.row)
        if (row && onOpenRow) onOpenRow(row.id)
        break
      }
      case 'collapse':
        select(cellSelection(focus), false)
        break
    }
    event.preventDefault()
  }

  const [composing, setComposing] = useState<{ top: number; left: number; width: number } | null>(null)
  const takeTyped = (text: string) => {
    if (keysRef.current) keysRef.current.value = ''
    if (text) startEdit(text)
  }

  // Mouse: click, shift+click and drag select; row numbers select rows; double-click edits.
  const dragging = useRef<'cells' | 'rows' | null>(null)
  useEffect(() => {
    const stop = () => {
      dragging.current = null
    }
    window.addEventListener('mouseup', stop)
    return () => window.removeEventListener('mouseup', stop)
  }, [])

  const hit = (event: MouseEvent): { index: number; col: number | 'gutter' } | null => {
    const target = event.target as HTMLElement
    const rowElement = target.closest<HTMLElement>('[data-index]')
    if (!rowElement || rowElement.dataset.group !== undefined) return null
    const index = Number(rowElement.dataset.index)
    if (target.closest('[data-gutter]')) return { index, col: 'gutter' }
    const cell = target.closest<HTMLElement>('[data-col]')
    return cell ? { index, col: Number(cell.dataset.col) } : null
  }

  const onBodyMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    const where = hit(event)
    if (!where) return
    if (editing && !(where.index === editing.index && where.col === editing.col)) {
      // Clicking elsewhere commits the edit, as in Excel.
      editorCommit.current?.()
    } else if (editing) {
      return
    }
    event.preventDefault()
    if (where.col === 'gutter') {
      const from = event.shiftKey ? safeSelection.anchor.row : where.index
      select(rowsSelection(from, where.index, visibleColumns.length), false)
      dragging.current = 'rows'
    } else {
      const pos = { row: where.index, col: where.col }
      select(event.shiftKey ? { anchor: safeSelection.anchor, focus: pos } : cellSelection(pos), false)
      dragging.current = 'cells'
    }
    focusKeys()
  }

  const onBodyMouseMove = (event: MouseEvent<HTMLDivElement>) => {
    if (!dragging.current || (event.buttons & 1) === 0) return
    const where = hit(event)
    if (!where || !model.isDataRow(where.index)) return
    const col = where.col === 'gutter' || dragging.current === 'rows' ? visibleColumns.length - 1 : where.col
    if (safeSelection.focus.row === where.index && safeSelection.focus.col === col) return
    setSelectionState({ anchor: safeSelection.anchor, focus: { row: where.index, col } })
  }

  const onBodyDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const where = hit(event)
    if (where && where.col !== 'gutter') startEdit(null)
  }

  const editorCommit = useRef<(() => void) | null>(null)

  const groupLabel = useGroupLabel(groupColumn)

  const editorLabel = (edit: Editing) => {
    const column = visibleColumns[edit.col]
    return t('grid.editor.label', { column: column?.label ?? '', name: recordTitle(entity, edit.record, edit.record.id) })
  }

  const activeRow = rowAt(focus.row)
  const activeColumn = visibleColumns[focus.col]
  const activeDescription = activeColumn
    ? t('grid.keys.label', {
        grid: label,
        column: activeColumn.label,
        row: focus.row + 1,
        value: activeRow ? cellText(activeColumn.column, activeRow, cellContext.labels) || t('common.empty') : t('grid.loadingRow'),
      })
    : label
  const headers = table.getHeaderGroups()[0]?.headers ?? []
  const hasSelectionOfRows = range.bottom > range.top
  const groupable = groupableColumns(contractColumns(entity))

  const contextMenu = {
    items: [
      { key: 'copy', icon: <CopyOutlined />, label: t('grid.menu.copy') },
      { key: 'paste', icon: <SnippetsOutlined />, label: t('grid.menu.paste'), disabled: !editableGrid },
      { key: 'fill', label: t('grid.menu.fillDown'), disabled: !editableGrid },
      { key: 'clear', label: t('grid.menu.clear'), disabled: !editableGrid },
      { key: 'bulk', icon: <EditOutlined />, label: t('grid.menu.bulkEdit'), disabled: !editableGrid },
      ...(onOpenRow ? [{ key: 'open', label: t('grid.menu.open') }] : []),
      ...followUpMenuItems(entity, t('followUps.logFollowUp')),
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'copy') copySelection()
      else if (key === 'paste')
        void navigator.clipboard
          ?.readText()
          .then(pasteText)
          .catch(() => void message.warning(t('grid.clipboard.pasteBlocked')))
      else if (key === 'fill') void fillDown()
      else if (key === 'clear') void clearSelection()
      else if (key === 'bulk') setBulkOpen(true)
      else if (key === 'open' && activeRow) onOpenRow?.(activeRow.id)
      else if (key === FOLLOW_UP_MENU_KEY) openFollowUpForRow(entity, activeRow)
      focusKeys()
    },
  }

  return (
    <div className="wb-grid-frame" ref={frameRef}>
      <GridToolbar
        search={state.search}
        onSearch={(search) => update({ search })}
        total={model.total}
        filtersActive={state.filters.length > 0}
        onClearFilters={() => update({ filters: [] })}
        start={toolbarStart}
        filters={<FilterBar entity={entity} state={state} onChange={onStateChange} />}
        actions={
          <>
            <Select<string>
              aria-label={t('grid.groups.by')}
              className="wb-group-select"
              value={state.groupBy ?? ''}
              onChange={(groupBy) => update({ groupBy: groupBy || null })}
              popupMatchSelectWidth={false}
              options={[
                { value: '', label: t('grid.groups.none') },
                ...groupable.map((c) => ({ value: c.key, label: t('grid.groups.byColumn', { column: columnLabelOf(c) }) })),
              ]}
              style={{ minWidth: 130 }}
            />
            <ColumnsMenu
              columns={resolved}
              pinned={state.pinned}
              labelOf={(c) => columnLabelOf(c.column)}
              onColumnsChange={setColumns}
              onPinnedChange={(next) => update({ pinned: next })}
              onReset={() => update({ columns: [], pinned: 1 })}
            />
            <ExportButton entity={entity} state={state} name={label} />
            <MergeRowsButton entity={entity} selectedIds={range.bottom - range.top === 1 ? [rowAt(range.top)?.id, rowAt(range.bottom)?.id].filter((id) => id !== undefined) : []} />
            {editableGrid && (
              <>
                <Tooltip title={t('grid.menu.bulkEditHint')}>
                  <Button icon={<EditOutlined aria-hidden />} disabled={!hasSelectionOfRows} onClick={() => setBulkOpen(true)}>
                    {t('grid.menu.bulkEdit')}
                  </Button>
                </Tooltip>
                <Button
                  icon={<UndoOutlined />}
                  aria-label={t('grid.menu.undo')}
                  title={t('grid.menu.undo')}
                  disabled={!writes.canUndo}
                  onClick={() => void writes.undo()}
                />
                <Button
                  icon={<RedoOutlined />}
                  aria-label={t('grid.menu.redo')}
                  title={t('grid.menu.redo')}
                  disabled={!writes.canRedo}
                  onClick={() => void writes.redo()}
                />
              </>
            )}
          </>
        }
        extra={toolbarExtra}
      />
      {model.error && (
        <Alert type="error" showIcon title={model.error.message} action={<Button onClick={model.retry}>{t('common.retry')}</Button>} />
      )}
      <div className="wb-grid-stage">
        <textarea
          ref={keysRef}
          className={composing ? 'wb-grid-keys wb-grid-keys-composing' : 'wb-grid-keys'}
          style={composing ?? undefined}
          aria-label={activeDescription}
          aria-activedescendant={activeRow ? cellId(gridId, focus.row, focus.col) : undefined}
          aria-controls={gridId}
          aria-multiline={false}
          autoComplete="off"
          spellCheck={false}
          data-testid="grid-keys"
          onKeyDown={onKeyDown}
          onInput={(event) => {
            if (!composing && !(event.nativeEvent as InputEvent).isComposing) takeTyped(event.currentTarget.value)
          }}
          onCompositionStart={() => {
            const cell = document.getElementById(cellId(gridId, focus.row, focus.col))
            const frame = frameRef.current?.querySelector('.wb-grid-stage')
            if (!cell || !frame) return
            const a = cell.getBoundingClientRect()
            const b = frame.getBoundingClientRect()
            setComposing({ top: a.top - b.top, left: a.left - b.left, width: Math.max(a.width, 160) })
          }}
          onCompositionEnd={(event) => {
            setComposing(null)
            takeTyped(event.data || event.currentTarget.value)
          }}
          onCopy={(event) => {
            event.preventDefault()
            copySelection(event)
          }}
          onCut={(event) => {
            event.preventDefault()
            copySelection(event)
          }}
          onPaste={(event) => {
            event.preventDefault()
            void pasteText(event.clipboardData.getData('text/plain'))
          }}
        />
        <Dropdown menu={contextMenu} trigger={['contextMenu']}>
          <div
            ref={scrollRef}
            id={gridId}
            role="grid"
            aria-label={label}
            aria-rowcount={model.length + 1}
            aria-colcount={visibleColumns.length + 1}
            aria-multiselectable
            aria-readonly={editableGrid ? undefined : true}
            className="wb-grid"
            data-testid={`grid-${entity}`}
            onScroll={measureViewport}
          >
            <GridHeader
              headers={headers}
              columns={visibleColumns}
              resolved={resolved}
              state={state}
              totalWidth={totalWidth}
              gutterWidth={GUTTER_WIDTH}
              onReorder={setColumns}
              onFilterChange={setColumnFilter}
            />
            <div
              role="rowgroup"
              className="wb-grid-body"
              style={{ height: virtualizer.getTotalSize(), width: totalWidth }}
              onMouseDown={onBodyMouseDown}
              onMouseMove={onBodyMouseMove}
              onDoubleClick={onBodyDoubleClick}
            >
              {virtualRows.map((virtualRow) => {
                const entry = model.entryAt(virtualRow.index)
                if (entry?.kind === 'group') {
                  return (
                    <GridGroupRow
                      key={`g-${entry.section.id}`}
                      index={virtualRow.index}
                      top={virtualRow.start}
                      height={ROW_HEIGHT}
                      section={entry.section}
                      label={groupLabel(entry.section.group)}
                      collapsed={collapsed.has(entry.section.id)}
                      showAmounts={entity === 'opportunity'}
                      baseCurrency={baseCurrency}
                      colSpan={visibleColumns.length + 1}
                      onToggle={toggleGroup}
                    />
                  )
                }
                const index = virtualRow.index
                const row = entry?.row
                const inSelection = index >= range.top && index <= range.bottom
                const isEditingRow = editing !== null && editing.index === index
                return (
                  <GridBodyRow
                    key={virtualRow.index}
                    index={index}
                    top={virtualRow.start}
                    height={ROW_HEIGHT}
                    row={row}
                    columns={visibleColumns}
                    rendered={rendered}
                    gutterWidth={GUTTER_WIDTH}
                    rowNumber={entry?.kind === 'row' ? entry.offset + 1 : index + 1}
                    gridId={gridId}
                    selected={inSelection ? { left: range.left, right: range.right } : null}
                    activeCol={focus.row === index ? focus.col : null}
                    editingCol={isEditingRow ? editing.col : null}
                    editor={
                      isEditingRow && row ? (
                        <CellEditor
                          key={editing.session}
                          column={visibleColumns[editing.col]!.column}
                          row={editing.record}
                          initialText={editing.initialText}
                          currentText={cellText(visibleColumns[editing.col]!.column, editing.record, cellContext.labels)}
                          label={editorLabel(editing)}
                          error={editing.error}
                          commitRef={editorCommit}
                          onCommit={(result, move) => commitEdit(editing, result, move)}
                          onCancel={() => cancelEdit(editing)}
                        />
                      ) : null
                    }
                    editorError={isEditingRow ? editing.error : undefined}
                    wholeRow={inSelection && range.left === 0 && range.right === visibleColumns.length - 1}
                    renderCell={renderCell as (column: ContractColumn, row: CachedRow) => ReactNode}
                    openLabel={row && onOpenRow ? t('grid.openRow', { name: recordTitle(entity, row, row.id) }) : undefined}
                    onOpen={onOpenRow}
                  />
                )
              })}
            </div>
            {model.total === 0 && <Empty className="wb-grid-empty" description={t('grid.noRows')} />}
          </div>
        </Dropdown>
      </div>
      {bulkOpen && (
      <BulkEditModal
        open={bulkOpen}
        count={Array.from({ length: range.bottom - range.top + 1 }, (_, i) => range.top + i).filter(model.isDataRow).length}
        columns={visibleColumns.filter((c) => c.column.editable).map((c) => ({ column: c.column, label: c.label }))}
        error={bulkError}
        onApply={(column, result) => void applyBulk(column, result)}
        onCancel={() => {
          setBulkOpen(false)
          setBulkError(undefined)
        }}
      />
      )}
      {writes.element}
    </div>
  )
}
