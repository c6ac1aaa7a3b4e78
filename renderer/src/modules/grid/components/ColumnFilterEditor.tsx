import { Button, Checkbox, DatePicker, Flex, Input, InputNumber, Segmented, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import type { DatePreset } from '../../../../../shared/query'
import { useColumnValueOptions } from '../hooks/useColumnValueOptions'
import {
  choiceFilter,
  choiceValues,
  datePresets,
  filterKindOf,
  rangeFilter,
  rangeOf,
  type ColumnFilter,
  type RangeValue,
} from '../utils/columnFilters'
import { ME } from '../utils/viewState'
import { ValueChecklist } from './ValueChecklist'

interface Props {
  column: ContractColumn
  label: string
  filter: ColumnFilter | undefined
  onApply(filter: ColumnFilter | undefined): void
}

/**
 * Edits one column's filter by its type: text contains / equals / empty,
 * a range for numbers and amounts, a range or a preset for dates, and a
 * multi-select (with blanks, and "me" for people) for coded values.
 */
export function ColumnFilterEditor({ column, label, filter, onApply }: Props) {
  const { t } = useTranslation()
  const kind = filterKindOf(column)
  const [draft, setDraft] = useState<ColumnFilter | undefined>(filter)

  return (
    <Flex vertical gap={8} style={{ width: 300 }} data-testid="column-filter-editor">
      {kind === 'text' && <TextFilter label={label} draft={draft} onChange={setDraft} onEnter={(next) => onApply(next)} />}
      {kind === 'range' && <RangeFilter label={label} draft={draft} onChange={setDraft} />}
      {kind === 'date' && <DateFilter column={column} label={label} draft={draft} onChange={setDraft} />}
      {kind === 'choice' && <ChoiceFilter column={column} label={label} draft={draft} onChange={setDraft} />}
      <Flex justify="end" gap={8}>
        <Button size="small" onClick={() => onApply(undefined)}>
          {t('common.reset')}
        </Button>
        <Button size="small" type="primary" onClick={() => onApply(draft)}>
          {t('common.apply')}
        </Button>
      </Flex>
    </Flex>
  )
}

type TextOp = 'contains' | 'equals' | 'empty' | 'notEmpty'

interface PartProps {
  label: string
  draft: ColumnFilter | undefined
  onChange(next: ColumnFilter | undefined): void
}

function TextFilter({ label, draft, onChange, onEnter }: PartProps & { onEnter(next: ColumnFilter | undefined): void }) {
  const { t } = useTranslation()
  const [op, setOp] = useState<TextOp>(draft && ['contains', 'equals', 'empty', 'notEmpty'].includes(draft.op) ? (draft.op as TextOp) : 'contains')
  const [text, setText] = useState(typeof draft?.value === 'string' ? draft.value : '')
  const build = (nextOp: TextOp, nextText: string): ColumnFilter | undefined => {
    if (nextOp === 'empty' || nextOp === 'notEmpty') return { op: nextOp }
    const trimmed = nextText.trim()
    return trimmed ? { op: nextOp, value: trimmed } : undefined
  }
  return (
    <>
      <Select<TextOp>
        size="small"
        aria-label={t('grid.filter.condition')}
        value={op}
        onChange={(next) => {
          setOp(next)
          onChange(build(next, text))
        }}
        options={(['contains', 'equals', 'empty', 'notEmpty'] as const).map((value) => ({ value, label: t(`grid.filter.ops.${value}`) }))}
      />
      {(op === 'contains' || op === 'equals') && (
        <Input
          autoFocus
          aria-label={t('grid.filterColumn', { label })}
          placeholder={t(op === 'contains' ? 'grid.contains' : 'grid.filter.equalsPlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            onChange(build(op, e.target.value))
          }}
          onPressEnter={() => onEnter(build(op, text))}
        />
      )}
    </>
  )
}

function RangeFilter({ label, draft, onChange }: PartProps) {
  const { t } = useTranslation()
  const blanks = draft?.op === 'empty'
  const range = rangeOf(draft)
  const set = (next: RangeValue) => onChange(rangeFilter({ ...range, ...next }))
  return (
    <>
      <Segmented<'range' | 'empty'>
        size="small"
        value={blanks ? 'empty' : 'range'}
        onChange={(mode) => onChange(mode === 'empty' ? { op: 'empty' } : undefined)}
        options={[
          { value: 'range', label: t('grid.filter.range') },
          { value: 'empty', label: t('grid.filter.ops.empty') },
        ]}
      />
      {!blanks && (
        <Flex gap={8} align="center">
          <InputNumber
            aria-label={`${label} ${t('grid.from')}`}
            placeholder={t('grid.from')}
            value={range.from as number | null | undefined}
            onChange={(from) => set({ from })}
            style={{ flex: 1 }}
          />
          <InputNumber
            aria-label={`${label} ${t('grid.to')}`}
            placeholder={t('grid.to')}
            value={range.to as number | null | undefined}
            onChange={(to) => set({ to })}
            style={{ flex: 1 }}
          />
        </Flex>
      )}
    </>
  )
}

type DateMode = 'preset' | 'range' | 'empty'

function DateFilter({ label, draft, onChange }: PartProps & { column: ContractColumn }) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<DateMode>(draft?.op === 'between' ? 'range' : draft?.op === 'empty' ? 'empty' : 'preset')
  const range = rangeOf(draft)
  return (
    <>
      <Segmented<DateMode>
        size="small"
        value={mode}
        onChange={(next) => {
          setMode(next)
          onChange(next === 'empty' ? { op: 'empty' } : undefined)
        }}
        options={[
          { value: 'preset', label: t('grid.filter.preset') },
          { value: 'range', label: t('grid.filter.range') },
          { value: 'empty', label: t('grid.filter.ops.empty') },
        ]}
      />
      {mode === 'preset' && (
        <Select<DatePreset>
          aria-label={t('grid.filterColumn', { label })}
          placeholder={t('grid.filter.pickPreset')}
          value={draft?.op === 'preset' ? (draft.value as DatePreset) : undefined}
          onChange={(preset) => onChange({ op: 'preset', value: preset })}
          options={datePresets.map((preset) => ({ value: preset, label: t(`grid.presets.${preset}`) }))}
        />
      )}
      {mode === 'range' && (
        <DatePicker.RangePicker
          aria-label={t('grid.filterColumn', { label })}
          placeholder={[t('grid.from'), t('grid.to')]}
          allowEmpty={[true, true]}
          value={[range.from ? dayjs(String(range.from)) : null, range.to ? dayjs(String(range.to)) : null]}
          onChange={(dates) => onChange(rangeFilter(fromDayjsRange(dates)))}
        />
      )}
    </>
  )
}

function ChoiceFilter({ column, label, draft, onChange }: PartProps & { column: ContractColumn }) {
  const { t } = useTranslation()
  const valueOptions = useColumnValueOptions()
  const options = [
    ...(column.type === 'user' ? [{ value: ME, label: t('grid.filter.me') }] : []),
    ...valueOptions(column),
  ]
  const values = choiceValues(draft)
  const blank = values.includes(null)
  return (
    <>
      <ValueChecklist
        label={label}
        options={options}
        value={values.filter((v): v is string | number => v !== null)}
        onChange={(next) => onChange(choiceFilter(blank ? [...next, null] : next))}
      />
      {column.type !== 'boolean' && (
        <Checkbox
          checked={blank}
          onChange={(e) => {
            const rest = values.filter((v) => v !== null)
            onChange(choiceFilter(e.target.checked ? [...rest, null] : rest))
          }}
        >
          {t('grid.filter.blank')}
        </Checkbox>
      )}
    </>
  )
}

/** Calendar days; on a timestamp column the core counts the whole of the last day. */
function fromDayjsRange(dates: [Dayjs | null, Dayjs | null] | null): RangeValue {
  if (!dates) return {}
  const [from, to] = dates
  return { from: from?.format('YYYY-MM-DD') ?? null, to: to?.format('YYYY-MM-DD') ?? null }
}
