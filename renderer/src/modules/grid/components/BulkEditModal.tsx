import { Form, Input, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef } from '../../../../../shared/columns'
import { isMultiColumn } from '../../customFields/utils/customColumns'
import { useColumnValueOptions } from '../hooks/useColumnValueOptions'
import type { CellValue } from '../utils/cellModel'
import type { EditResult } from './CellEditor'

const choiceTypes = new Set(['picklist', 'enum', 'user', 'stage', 'pipeline'])

interface Props {
  open: boolean
  /** How many records the edit will change. */
  count: number
  columns: { column: ColumnDef; label: string }[]
  /** Set when the value was refused, shown under the value. */
  error?: string
  onApply(column: ColumnDef, result: EditResult): void
  onCancel(): void
}

/** One field set to one value on every selected record: one step, one transaction. */
export function BulkEditModal({ open, count, columns, error, onApply, onCancel }: Props) {
  const { t } = useTranslation()
  const valueOptions = useColumnValueOptions()
  const [key, setKey] = useState<string>()
  const [text, setText] = useState('')
  const [choice, setChoice] = useState<CellValue>(null)
  const column = columns.find((c) => c.column.key === key)?.column
  const isChoice = column ? choiceTypes.has(column.type) : false
  // A multi-select custom field takes a list of values.
  const multiple = column ? isMultiColumn(column) : false

  const apply = () => {
    if (!column) return
    const value = Array.isArray(choice) && choice.length === 0 ? null : choice
    onApply(column, isChoice ? { kind: 'value', value } : { kind: 'text', text })
  }

  return (
    <Modal
      open={open}
      title={t('grid.bulk.title', { count })}
      okText={t('grid.bulk.apply', { count })}
      okButtonProps={{ disabled: !column }}
      cancelText={t('common.cancel')}
      onOk={apply}
      onCancel={onCancel}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          setKey(undefined)
          setText('')
          setChoice(null)
        }
      }}
    >
      <Typography.Paragraph type="secondary">{t('grid.bulk.intro', { count })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('grid.bulk.field')}>
          <Select<string>
            aria-label={t('grid.bulk.field')}
            showSearch={{ optionFilterProp: 'label' }}
            value={key}
            onChange={(next) => {
              setKey(next)
              setChoice(null)
              setText('')
            }}
            options={columns.map((c) => ({ value: c.column.key, label: c.label }))}
          />
        </Form.Item>
        {column && (
          <Form.Item
            label={t('grid.bulk.value')}
            validateStatus={error ? 'error' : undefined}
            help={error}
          >
            {isChoice ? (
              <Select<string | number | string[]>
                aria-label={t('grid.bulk.value')}
                mode={multiple ? 'multiple' : undefined}
                showSearch={{ optionFilterProp: 'label' }}
                allowClear
                value={(choice ?? undefined) as string | number | string[] | undefined}
                onChange={(next) => setChoice(next ?? null)}
                options={valueOptions(column)}
              />
            ) : (
              <Input aria-label={t('grid.bulk.value')} value={text} onChange={(e) => setText(e.target.value)} onPressEnter={apply} />
            )}
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
