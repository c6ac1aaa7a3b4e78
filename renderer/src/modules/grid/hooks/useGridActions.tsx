import { App } from 'antd'
import { useCallback, type ClipboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import { coerceMessage, CoerceReason } from '../../../../../shared/coerce'
import { GridPatches } from '../../../../../shared/entities'
import type { GridEntity } from '../../../../../shared/enums'
import { api } from '../../../api/client'
import { issueMessage } from '../../forms/utils/issueMessage'
import { useCustomFields } from '../../customFields/hooks/useCustomFields'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import type { EditResult } from '../components/CellEditor'
import type { VisibleColumn } from '../components/GridBodyRow'
import type { ProblemLine } from '../components/ProblemList'
import {
  beforeOf,
  cellText,
  changedFields,
  coerceCellText,
  fieldOf,
  fieldValue,
  patchFor,
  type RowValues,
} from '../utils/cellModel'
import { columnLabel, isCreatableEntity, recordTitle } from '../utils/entityFacts'
import { accountKey, planPaste, type AccountMatch, type PlanProblem } from '../utils/pastePlan'
import type { CachedRow } from '../utils/rowCache'
import type { CellRange, Selection } from '../utils/selection'
import { missingForStage, type StageNeed } from '../utils/stageRules'
import { parseTsv, tileClip, toTsv } from '../utils/tsv'
import type { Patch, StepKind } from '../utils/undoStack'
import { contractColumns } from '../utils/viewState'
import type { CellContext } from './useCellContext'
import type { DisplayModel } from './useDisplayModel'
import type { GridWrites } from './useGridWrites'
import { useStageNeedLabel } from './useStageNeedLabel'

/** One row's patch in a fill, a clear, a bulk edit or a single edit. */
export interface RowPatch {
  index: number
  row: CachedRow
  patch: Patch
  display?: Record<string, unknown>
}

interface Input {
  entity: GridEntity
  model: DisplayModel
  /** The selected range (display rows and visible columns). */
  range: CellRange
  visibleColumns: readonly VisibleColumn[]
  writes: GridWrites
  cellContext: CellContext
  rowAt(index: number): CachedRow | undefined
  select(next: Selection, scroll?: boolean): void
  editable: boolean
}

/**
 * What the grid does with a selection: copy it as TSV, paste a clip into
 * it (coerced by column type, all or nothing), fill down, clear, set one
 * field on every row — each one step through the write path.
 */
export function useGridActions({ entity, model, range, visibleColumns, writes, cellContext, rowAt, select, editable: editableGrid }: Input) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const { locale } = usePreferences()
  const labels = useLabels()
  const { stages } = useReferenceData()
  const dealFields = useCustomFields('opportunity')
  const needLabel = useStageNeedLabel()

  const columnLabelOf = useCallback((c: ContractColumn) => columnLabel(c, locale), [locale])

  const stageById = useCallback((id: number) => stages.find((s) => s.id === id), [stages])
  const missingFor = useCallback(
    (stageId: number, facts: Readonly<Record<string, unknown>>) => {
      const stage = stageById(stageId)
      return entity === 'opportunity' && stage ? missingForStage(stage, facts, dealFields) : []
    },
    [dealFields, entity, stageById],
  )

  /** Describes a row in a problem list: its position and name. */
  const rowLabel = useCallback(
    (index: number, row: RowValues | undefined) =>
      row ? t('grid.problems.rowName', { n: index + 1, name: recordTitle(entity, row, row.id) }) : t('grid.problems.newRow', { n: index + 1 }),
    [entity, t],
  )

  /**
   * Writes patches for rows (an edit, a fill, a clear, a bulk edit): only
   * changed fields, checked against the contract first; a stage that needs
   * fields asks for them once for every row entering it.
   */
  const commitPatches = useCallback(
    async (kind: StepKind, items: RowPatch[]): Promise<boolean> => {
      const problems: ProblemLine[] = []
      let pending = items
        .map((item) => ({ ...item, patch: changedFields(item.row, item.patch) }))
        .filter((item) => Object.keys(item.patch).length > 0)
      if (pending.length === 0) return true
      for (const item of pending) {
        const parsed = GridPatches[entity].safeParse(item.patch)
        if (parsed.success) continue
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '')
          const column = contractColumns(entity).find((c) => fieldOf(c) === field)
          problems.push({
            key: `${item.row.id}-${field}`,
            row: rowLabel(item.index, item.row),
            column: column ? columnLabelOf(column) : field,
            value: String(item.patch[field] ?? ''),
            reason: issueMessage(issue, t),
          })
        }
      }
      if (problems.length > 0) {
        writes.showProblems(t('grid.write.problemsTitle', { count: problems.length }), problems)
        return false
      }
      // Every deal entering a stage that needs fields: ask once for all of them.
      const needs = pending.map((item) =>
        typeof item.patch.stageId === 'number' ? missingFor(item.patch.stageId, { ...item.row, ...item.patch }) : [],
      )
      const union = [...new Set(needs.flat())] as StageNeed[]
      if (union.length > 0) {
        const entering = pending.filter((_, i) => needs[i]!.length > 0)
        const stageId = entering[0]!.patch.stageId as number
        const values = await writes.askMissing({
          fields: union,
          stageName: labels.stageName(stageId) ?? '',
          subject:
            entering.length === 1
              ? recordTitle(entity, entering[0]!.row, entering[0]!.row.id)
              : t('grid.missing.rows', { count: entering.length }),
          accountName: entering.length === 1 ? (entering[0]!.row.accountName as string | null) : null,
        })
        if (!values) return false
        pending = pending.map((item, i) => {
          const missing = needs[i]!
          if (missing.length === 0) return item
          const extra = Object.fromEntries(Object.entries(values).filter(([field]) => missing.includes(field as StageNeed) || (field === 'currency' && missing.includes('amount'))))
          return { ...item, patch: { ...item.patch, ...extra } }
        })
      }
      return writes.write({
        kind,
        changes: pending.map((item) => ({
          id: item.row.id,
          version: item.row.version as number,
          patch: item.patch,
          before: beforeOf(item.row, item.patch),
          display: item.display,
        })),
      })
    },
    [columnLabelOf, entity, labels, missingFor, rowLabel, t, writes],
  )

  // Reading the selection.
  const selectedRows = useCallback(async () => model.readRows(range.top, range.bottom), [model, range.top, range.bottom])

  const copySelection = useCallback(
    (event?: ClipboardEvent<HTMLTextAreaElement>) => {
      const columns = visibleColumns.slice(range.left, range.right + 1).map((c) => c.column)
      const loaded: (CachedRow | undefined)[] = []
      for (let i = range.top; i <= range.bottom; i += 1) if (model.isDataRow(i)) loaded.push(rowAt(i))
      const asText = (rows: CachedRow[]) => toTsv(rows.map((row) => columns.map((c) => cellText(c, row, cellContext.labels))))
      if (loaded.every((row): row is CachedRow => row !== undefined)) {
        const text = asText(loaded)
        if (event) event.clipboardData.setData('text/plain', text)
        else void navigator.clipboard?.writeText(text)
        void message.success(t('grid.clipboard.copied', { rows: loaded.length, cols: columns.length }))
        return
      }
      // Rows not in view yet: read them from the core, then use the async clipboard.
      void selectedRows().then(async (rows) => {
        await navigator.clipboard?.writeText(asText(rows.map((r) => r.row)))
        void message.success(t('grid.clipboard.copied', { rows: rows.length, cols: columns.length }))
      })
    },
    [cellContext.labels, message, model, range, rowAt, selectedRows, t, visibleColumns],
  )

  const resolveAccounts = useCallback(async (names: string[]): Promise<Map<string, AccountMatch>> => {
    const unique = [...new Set(names.map(accountKey).filter(Boolean))]
    const entries = await Promise.all(
      unique.map(async (key): Promise<[string, AccountMatch]> => {
        const found = await api.call('accounts.lookup', { query: key, limit: 50 })
        const exact = found.filter((a) => accountKey(a.name) === key)
        return [key, exact.length === 1 ? exact[0]! : exact.length > 1 ? 'ambiguous' : 'unknown']
      }),
    )
    return new Map(entries)
  }, [])

  const problemLines = useCallback(
    (problems: PlanProblem[], startIndex: number, rows: { index: number; row: CachedRow }[], columns: ContractColumn[]) =>
      problems.map((p, i): ProblemLine => {
        const target = rows[p.r]
        const column = p.c >= 0 ? columns[p.c] : contractColumns(entity).find((c) => c.key === p.column)
        let reason: string
        if (p.reason === 'INVALID' && p.issue) reason = issueMessage(p.issue, t)
        else if (p.reason === 'STAGE_REQUIREMENTS') reason = t('grid.write.needsFields', { fields: (p.missing ?? []).map(needLabel).join('、') })
        else if (CoerceReason.safeParse(p.reason).success) reason = coerceMessage(p.reason as CoerceReason, locale)
        else reason = t(`grid.problems.reasons.${p.reason}`)
        return {
          key: String(i),
          row: target ? rowLabel(target.index, target.row) : t('grid.problems.newRow', { n: p.r - rows.length + 1 }),
          column: column ? columnLabelOf(column) : t('grid.problems.noColumn', { n: startIndex + p.c + 1 }),
          value: p.value,
          reason,
        }
      }),
    [columnLabelOf, entity, locale, needLabel, rowLabel, t],
  )

  const pasteText = useCallback(
    async (text: string) => {
      if (!editableGrid) {
        void message.info(t('grid.readOnlyGrid'))
        return
      }
      const clip = parseTsv(text)
      const dataRowsInRange = Array.from({ length: range.bottom - range.top + 1 }, (_, i) => range.top + i).filter(model.isDataRow).length
      const matrix = tileClip(clip, dataRowsInRange, range.right - range.left + 1)
      const columns = visibleColumns.slice(range.left).map((c) => c.column)
      // Enough display rows to find as many records as the clip has rows, group headers skipped.
      const lastIndex = Math.min(model.length - 1, range.top + matrix.length - 1 + model.sections.length)
      const rows = (await model.readRows(range.top, lastIndex)).slice(0, matrix.length)
      const accountCols = columns.map((c, i) => (c.type === 'account' ? i : -1)).filter((i) => i >= 0 && i < (matrix[0]?.length ?? 0))
      const names = matrix.flatMap((cells) => accountCols.map((i) => cells[i] ?? '')).filter((n) => n.trim())
      const accounts = await resolveAccounts(names)
      const defaults: Patch =
        entity === 'opportunity'
          ? { stageId: stages.filter((s) => s.pipelineId === cellContext.defaultPipelineId && s.kind === 'open' && s.active).sort((a, b) => a.sortOrder - b.sortOrder)[0]?.id }
          : {}
      const plan = (stageFill?: Patch) =>
        planPaste({
          entity,
          matrix,
          columns,
          rows: rows.map((r) => r.row),
          contextFor: cellContext.contextFor,
          accounts,
          labels: cellContext.labels,
          creatable: isCreatableEntity(entity) && !model.grouped,
          newRowDefaults: defaults,
          missingForStage: (stageId, facts) =>
            missingFor(stageId, facts).filter((field) => !stageFill || stageFill[field] === undefined),
        })
      let result = plan()
      let fill: Patch | undefined
      const stageProblems = result.problems.filter((p) => p.reason === 'STAGE_REQUIREMENTS')
      if (stageProblems.length > 0 && stageProblems.length === result.problems.length) {
        const fields = [...new Set(stageProblems.flatMap((p) => p.missing ?? []))] as StageNeed[]
        const first = stageProblems[0]!
        fill =
          (await writes.askMissing({
            fields,
            stageName: String(first.value),
            subject: stageProblems.length === 1 ? rowLabel(rows[first.r]?.index ?? 0, rows[first.r]?.row) : t('grid.missing.rows', { count: stageProblems.length }),
          })) ?? undefined
        if (!fill) return
        result = plan(fill)
      }
      if (result.problems.length > 0) {
        writes.showProblems(t('grid.paste.problemsTitle', { count: result.problems.length }), problemLines(result.problems, range.left, rows, columns))
        return
      }
      if (result.creations.length > 0) {
        const confirmed = await modal.confirm({
          title: t('grid.paste.createTitle', { count: result.creations.length }),
          content: t('grid.paste.createBody', { count: result.creations.length }),
          okText: t('grid.paste.createOk', { count: result.creations.length }),
          cancelText: t('common.cancel'),
        })
        if (!confirmed) return
      }
      if (result.changes.length === 0 && result.creations.length === 0) {
        void message.info(t('grid.paste.nothing'))
        return
      }
      const withFill = (patch: Patch, row: RowValues | null) => {
        if (!fill || typeof patch.stageId !== 'number') return patch
        const missing = missingFor(patch.stageId, { ...row, ...patch })
        const extra = Object.fromEntries(Object.entries(fill).filter(([f]) => missing.includes(f as StageNeed) || f === 'currency'))
        return { ...patch, ...extra }
      }
      const saved = await writes.write({
        kind: 'paste',
        changes: result.changes.map((c) => {
          const row = rows[c.r]!.row
          const patch = withFill(c.patch, row)
          const account = typeof patch.accountId === 'number' ? [...accounts.values()].find((a) => typeof a === 'object' && a.id === patch.accountId) : undefined
          return {
            id: c.id,
            version: c.version,
            patch,
            before: beforeOf(row, patch),
            display: account && typeof account === 'object' ? { accountName: account.name } : undefined,
          }
        }),
        creations: result.creations.map((c) => withFill(c.input, null)),
      })
      if (saved) {
        const lastRow = result.creations.length > 0 ? model.length - 1 : (rows[matrix.length - 1]?.index ?? range.top)
        select({ anchor: { row: range.top, col: range.left }, focus: { row: lastRow, col: Math.min(visibleColumns.length - 1, range.left + (matrix[0]?.length ?? 1) - 1) } }, false)
        void message.success(t('grid.paste.done', { count: result.changes.length + result.creations.length }))
      }
    },
    [cellContext, editableGrid, entity, message, missingFor, modal, model, problemLines, range, resolveAccounts, rowLabel, select, stages, t, visibleColumns, writes],
  )

  const fillDown = useCallback(async () => {
    if (!editableGrid) return
    const top = range.top === range.bottom ? range.top - 1 : range.top
    if (top < 0) return
    const read = await model.readRows(top, range.bottom)
    const [source, ...targets] = read
    if (!source || targets.length === 0) return
    const columns = visibleColumns.slice(range.left, range.right + 1).map((c) => c.column).filter((c) => c.editable)
    const patch: Patch = {}
    const display: Record<string, unknown> = {}
    for (const column of columns) {
      patch[fieldOf(column)] = fieldValue(column, source.row)
      if (column.type === 'account') display.accountName = source.row.accountName ?? null
    }
    await commitPatches('fill', targets.map((target) => ({ index: target.index, row: target.row, patch, display })))
  }, [commitPatches, editableGrid, model, range, visibleColumns])

  const clearSelection = useCallback(async () => {
    if (!editableGrid) return
    const columns = visibleColumns.slice(range.left, range.right + 1).map((c) => c.column).filter((c) => c.editable)
    if (columns.length === 0) return
    const rows = await selectedRows()
    const patch = Object.fromEntries(columns.map((c) => [fieldOf(c), null]))
    const display = columns.some((c) => c.type === 'account') ? { accountName: null } : undefined
    await commitPatches('clear', rows.map((r) => ({ index: r.index, row: r.row, patch, display })))
  }, [commitPatches, editableGrid, range, selectedRows, visibleColumns])

  /** Sets one field on every selected record; resolves with a message when the value cannot be read. */
  const applyBulk = useCallback(
    async (column: ContractColumn, result: EditResult, close: () => void): Promise<string | undefined> => {
      const rows = await selectedRows()
      const items: RowPatch[] = []
      for (const { index, row } of rows) {
        if (result.kind === 'value') {
          items.push({ index, row, patch: { [fieldOf(column)]: result.value } })
          continue
        }
        const coerced = coerceCellText(column, result.text, cellContext.contextFor(column, row))
        if (!coerced.ok) return coerceMessage(coerced.reason, locale)
        items.push({ index, row, patch: patchFor(entity, column, coerced) })
      }
      close()
      await commitPatches('bulk', items)
      return undefined
    },
    [cellContext, commitPatches, entity, locale, selectedRows],
  )

  return { commitPatches, copySelection, pasteText, fillDown, clearSelection, applyBulk }
}
