import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Button, Calendar, Flex, Input, Select, Spin } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../../shared/api'
import type { ColumnDef } from '../../../../../shared/columns'
import { api } from '../../../api/client'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { isMultiColumn } from '../../customFields/utils/customColumns'
import type { CellValue, RowValues } from '../utils/cellModel'
import { enumValues } from '../utils/enumValues'

/** What an editor hands back: text to coerce by the column's type, or a value picked from a list. */
export type EditResult = { kind: 'text'; text: string } | { kind: 'value'; value: CellValue; display?: Record<string, unknown> }

/** Where the cursor goes after committing: Enter moves down, Tab right, as in Excel. */
export type EditMove = 'down' | 'up' | 'right' | 'left' | 'none'

interface Props {
  column: ColumnDef
  row: RowValues
  /** A typed character that started the edit (it replaces the value), or null to edit the value. */
  initialText: string | null
  /** The value as text, for editing in place. */
  currentText: string
  /** Accessible name: the column and the record. */
  label: string
  error?: string
  /** Set by the editor: what clicking another cell does (commit typed text, or close a list). */
  commitRef: RefObject<(() => void) | null>
  onCommit(result: EditResult, move: EditMove): void
  onCancel(): void
}

const selectTypes = new Set(['picklist', 'enum', 'user', 'stage', 'pipeline', 'boolean'])

/** The editor for one cell, by the column's type. */
export function CellEditor(props: Props) {
  const { column } = props
  if (column.type === 'account') return <AccountEditor {...props} />
  if (isMultiColumn(column)) return <MultiChoiceEditor {...props} />
  if (selectTypes.has(column.type)) return <ChoiceEditor {...props} />
  if (column.type === 'date') return <DateEditor {...props} />
  return <TextEditor {...props} />
}

function moveOf(event: KeyboardEvent): EditMove | null {
  if (event.key === 'Enter') return event.shiftKey ? 'up' : 'down'
  if (event.key === 'Tab') return event.shiftKey ? 'left' : 'right'
  return null
}

function TextEditor({ initialText, currentText, label, error, onCommit, onCancel, column, commitRef }: Props) {
  const [text, setText] = useState(initialText ?? currentText)
  const done = useRef(false)
  const commit = (move: EditMove) => {
    if (done.current) return
    onCommit({ kind: 'text', text }, move)
  }
  useEffect(() => {
    commitRef.current = () => {
      if (!done.current) onCommit({ kind: 'text', text }, 'none')
    }
  })
  return (
    <Input
      autoFocus
      size="small"
      className="wb-cell-input"
      aria-label={label}
      aria-invalid={error ? true : undefined}
      status={error ? 'error' : undefined}
      inputMode={column.type === 'number' || column.type === 'percent' ? 'decimal' : undefined}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(event) => {
        event.stopPropagation()
        const move = moveOf(event)
        if (move) {
          event.preventDefault()
          commit(move)
        } else if (event.key === 'Escape') {
          event.preventDefault()
          done.current = true
          onCancel()
        }
      }}
      onBlur={() => commit('none')}
    />
  )
}

/** Typed dates in any format the paste accepts, or a day picked on the little calendar. */
function DateEditor({ initialText, currentText, label, error, onCommit, onCancel, commitRef }: Props) {
  const [text, setText] = useState(initialText ?? currentText)
  const parsed = dayjs(text, 'YYYY-MM-DD', true)
  const [month, setMonth] = useState<Dayjs>(parsed.isValid() ? parsed : dayjs())
  const done = useRef(false)
  const commit = (result: EditResult, move: EditMove) => {
    if (done.current) return
    onCommit(result, move)
  }
  useEffect(() => {
    commitRef.current = () => {
      if (!done.current) onCommit({ kind: 'text', text }, 'none')
    }
  })
  return (
    <div className="wb-date-editor">
      <Input
        autoFocus
        size="small"
        className="wb-cell-input"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        status={error ? 'error' : undefined}
        placeholder="2025-03-01"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(event) => {
          event.stopPropagation()
          const move = moveOf(event)
          if (move) {
            event.preventDefault()
            commit({ kind: 'text', text }, move)
          } else if (event.key === 'Escape') {
            event.preventDefault()
            done.current = true
            onCancel()
          }
        }}
        onBlur={() => commit({ kind: 'text', text }, 'none')}
      />
      {/* Mouse down here must not blur the input, or the typed text would be committed first. */}
      <div className={error ? 'wb-date-popup wb-date-popup-below-error' : 'wb-date-popup'} onMouseDown={(e) => e.preventDefault()}>
        <Calendar
          fullscreen={false}
          value={parsed.isValid() ? parsed : month}
          onPanelChange={(value) => setMonth(value)}
          headerRender={({ value, onChange }) => (
            <Flex justify="space-between" align="center" className="wb-date-popup-header">
              <Button size="small" type="text" icon={<LeftOutlined />} onClick={() => onChange(value.subtract(1, 'month'))} aria-label="‹" />
              <span>{value.format('YYYY-MM')}</span>
              <Button size="small" type="text" icon={<RightOutlined />} onClick={() => onChange(value.add(1, 'month'))} aria-label="›" />
            </Flex>
          )}
          onSelect={(value, info) => {
            if (info.source === 'date') commit({ kind: 'value', value: value.format('YYYY-MM-DD') }, 'none')
          }}
        />
      </div>
    </div>
  )
}

interface Option {
  value: string | number
  label: string
}

function useChoiceOptions(column: ColumnDef, row: RowValues): Option[] {
  const { t } = useTranslation()
  const labels = useLabels()
  const { users, stages, pipelines } = useReferenceData()
  return useMemo(() => {
    switch (column.type) {
      case 'user':
        return users.filter((u) => u.active || u.id === row[column.key]).map((u) => ({ value: u.id, label: labels.userName(u.id) ?? u.name }))
      case 'stage':
        // A deal moves within its own pipeline.
        return stages
          .filter((s) => s.pipelineId === row.pipelineId && (s.active || s.id === row.stageId))
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((s) => ({ value: s.id, label: labels.bilingual(s.nameZh, s.nameEn) }))
      case 'pipeline':
        return pipelines.map((p) => ({ value: p.id, label: labels.bilingual(p.nameZh, p.nameEn) }))
      case 'boolean':
        return [
          { value: 1, label: t('common.yes') },
          { value: 0, label: t('common.no') },
        ]
      case 'picklist':
        return labels
          .picklistItems(column.options ?? '')
          .filter((i) => i.active || i.value === row[column.key])
          .map((i) => ({ value: i.value, label: labels.bilingual(i.labelZh, i.labelEn) }))
      case 'enum':
        return enumValues(column.options).map((value) => ({
          value,
          label: column.options === 'currency' ? value : (labels.enumLabel(column.options ?? '', value) ?? value),
        }))
      default:
        return []
    }
  }, [column, row, users, stages, pipelines, labels, t])
}

/** Picklists, enums, owners and stages: a searchable dropdown that opens at once. */
function ChoiceEditor({ column, row, initialText, label, error, onCommit, onCancel, commitRef }: Props) {
  const options = useChoiceOptions(column, row)
  useEffect(() => {
    commitRef.current = onCancel
  })
  const [search, setSearch] = useState(initialText ?? '')
  const current = row[column.key] as string | number | null | undefined
  return (
    <Select<string | number>
      autoFocus
      open
      size="small"
      className="wb-cell-select"
      aria-label={label}
      status={error ? 'error' : undefined}
      value={current ?? undefined}
      options={options}
      showSearch={{ optionFilterProp: 'label', searchValue: search, onSearch: setSearch }}
      allowClear={column.editable}
      popupMatchSelectWidth={false}
      onChange={(value) => onCommit({ kind: 'value', value: value ?? null }, 'none')}
      onInputKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onCancel()
        } else if (event.key === 'Tab') {
          event.preventDefault()
          onCancel()
        }
      }}
      onBlur={onCancel}
    />
  )
}

/**
 * A multi-select custom field: pick several values in the open list; the
 * choice is written on Tab or when the focus leaves the cell (Enter picks
 * the highlighted value, as in any antd Select), Escape leaves the cell as it was.
 */
function MultiChoiceEditor({ column, row, initialText, label, error, onCommit, onCancel, commitRef }: Props) {
  const options = useChoiceOptions(column, row)
  const [chosen, setChosen] = useState<string[]>(() => (Array.isArray(row[column.key]) ? [...(row[column.key] as string[])] : []))
  const [search, setSearch] = useState(initialText ?? '')
  const done = useRef(false)
  const commit = (move: EditMove) => {
    if (done.current) return
    done.current = true
    onCommit({ kind: 'value', value: chosen.length > 0 ? chosen : null }, move)
  }
  useEffect(() => {
    commitRef.current = () => commit('none')
  })
  return (
    <Select<string[]>
      autoFocus
      open
      mode="multiple"
      size="small"
      className="wb-cell-select"
      aria-label={label}
      status={error ? 'error' : undefined}
      value={chosen}
      options={options as { value: string; label: string }[]}
      showSearch={{ optionFilterProp: 'label', searchValue: search, onSearch: setSearch }}
      allowClear
      maxTagCount="responsive"
      popupMatchSelectWidth={false}
      onChange={(next) => {
        setChosen(next)
        setSearch('')
      }}
      onInputKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          done.current = true
          onCancel()
        } else if (event.key === 'Tab') {
          event.preventDefault()
          commit(event.shiftKey ? 'left' : 'right')
        }
      }}
      onBlur={() => commit('none')}
    />
  )
}

type AccountMatch = MethodOutput<'accounts.lookup'>[number]

/** The account column: asks the core for accounts as the person types (workspaces hold thousands). */
function AccountEditor({ row, initialText, label, error, onCommit, onCancel, commitRef }: Props) {
  const { t } = useTranslation()
  useEffect(() => {
    commitRef.current = onCancel
  })
  const [query, setQuery] = useState(initialText ?? '')
  const [matches, setMatches] = useState<{ query: string; rows: AccountMatch[] }>()

  useEffect(() => {
    let stale = false
    const timer = setTimeout(() => {
      api
        .call('accounts.lookup', { query, limit: 20 })
        .then((rows) => !stale && setMatches({ query, rows }))
        .catch(() => !stale && setMatches({ query, rows: [] }))
    }, 150)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [query])

  const rows = matches?.rows ?? []
  const currentId = row.accountId as number | null | undefined
  const options = rows.map((r) => ({ value: r.id, label: r.name }))
  if (currentId && !rows.some((r) => r.id === currentId)) options.unshift({ value: currentId, label: String(row.accountName ?? '') })
  return (
    <Select<number>
      autoFocus
      open
      size="small"
      className="wb-cell-select"
      aria-label={label}
      status={error ? 'error' : undefined}
      value={currentId ?? undefined}
      options={options}
      allowClear
      popupMatchSelectWidth={false}
      showSearch={{ filterOption: false, searchValue: query, onSearch: setQuery }}
      notFoundContent={matches?.query !== query ? <Spin size="small" /> : t('grid.editor.noAccounts')}
      onChange={(value) => {
        const name = options.find((o) => o.value === value)?.label ?? null
        onCommit({ kind: 'value', value: value ?? null, display: { accountName: value ? name : null } }, 'none')
      }}
      onInputKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === 'Tab') {
          event.preventDefault()
          onCancel()
        }
      }}
      onBlur={onCancel}
    />
  )
}
