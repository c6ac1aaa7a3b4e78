import { Alert, Form, Modal, Select, Spin } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PicklistItem } from '../../../../../shared/entities'
import { useLabels } from '../../reference/hooks/useLabels'
import { countRecordsWith } from '../utils/picklistUsage'

interface Props {
  /** The value to merge away, or null when closed. */
  from: PicklistItem | null
  items: PicklistItem[]
  saving: boolean
  onCancel(): void
  onMerge(intoValue: string): void
}

/** Merges one value into another: shows how many records move before anyone confirms. */
export function PicklistMergeModal({ from, items, saving, onCancel, onMerge }: Props) {
  const { t } = useTranslation()
  const labels = useLabels()
  const [into, setInto] = useState<string>()
  const [count, setCount] = useState<{ value: string; n: number } | null>(null)

  useEffect(() => {
    if (!from) return
    let stale = false
    void countRecordsWith(from.listKey, from.value).then((n) => {
      if (!stale) setCount({ value: from.value, n })
    })
    return () => {
      stale = true
    }
  }, [from])

  const fromLabel = from ? labels.bilingual(from.labelZh, from.labelEn) : ''
  const known = count && from && count.value === from.value ? count.n : null
  const intoItem = items.find((i) => i.value === into)

  return (
    <Modal
      open={from !== null}
      title={t('configUi.picklists.mergeTitle', { name: fromLabel })}
      okText={t('configUi.picklists.merge')}
      okButtonProps={{ danger: true, disabled: !into }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => into && onMerge(into)}
      onCancel={() => {
        setInto(undefined)
        onCancel()
      }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('configUi.picklists.mergeInto')}>
          <Select
            aria-label={t('configUi.picklists.mergeInto')}
            value={into}
            onChange={setInto}
            options={items
              .filter((i) => i.value !== from?.value)
              .map((i) => ({ value: i.value, label: labels.bilingual(i.labelZh, i.labelEn) }))}
          />
        </Form.Item>
      </Form>
      {known === null ? (
        <Spin size="small" />
      ) : (
        <Alert
          type="warning"
          showIcon
          data-testid="merge-impact"
          title={t('configUi.picklists.mergeImpact', {
            count: known,
            from: fromLabel,
            into: intoItem ? labels.bilingual(intoItem.labelZh, intoItem.labelEn) : '…',
          })}
        />
      )}
    </Modal>
  )
}
