import { SwapOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Modal, Radio, Result, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MergeEntity, MergePreview, MergeRecord } from '../../../../../shared/methods/loop'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useAuditText } from '../../history/hooks/useAuditText'
import { defaultTake, movingRelated } from '../utils/mergeChoice'

type FieldRow = MergePreview['fields'][number]

interface Props {
  entityType: MergeEntity
  /** The two records; the first is kept unless the person swaps them. */
  ids: readonly [number, number]
  onClose(): void
  /** After a merge (with the record kept) and after its undo (with null). */
  onMerged?(record: MergeRecord | null): void
}

/**
 * Merges two leads, contacts or accounts: per field, the person picks which
 * value wins; follow-ups, tasks, deals and contacts move to the record kept,
 * the other goes to the trash, and the merge can be undone at once.
 */
export function MergeDialog({ entityType, ids, onClose, onMerged }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const text = useAuditText()
  const [[survivorId, mergedId], setPair] = useState<readonly [number, number]>(ids)
  const [choice, setChoice] = useState<{ key: string; take: string[] } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<MergeRecord | null>(null)
  const preview = useApiQuery('merge.preview', { entityType, survivorId, mergedId }, { reads: [], enabled: done === null })
  const data = preview.data?.survivorId === survivorId && preview.data.mergedId === mergedId ? preview.data : undefined
  const pairKey = `${survivorId}:${mergedId}`
  // Each pair starts from the sensible default; the person's picks replace it.
  const take = choice?.key === pairKey ? choice.take : data ? defaultTake(data) : []

  const pick = (field: string, fromMerged: boolean) =>
    setChoice({ key: pairKey, take: fromMerged ? [...take.filter((f) => f !== field), field] : take.filter((f) => f !== field) })

  const apply = async () => {
    if (!data) return
    setBusy(true)
    setError(undefined)
    try {
      const record = await api.call('merge.apply', {
        entityType,
        survivorId,
        mergedId,
        survivorVersion: data.survivorVersion,
        mergedVersion: data.mergedVersion,
        take,
      })
      setDone(record)
      onMerged?.(record)
    } catch (err) {
      if (!isApiCallError(err)) throw err
      setError(err.message)
    } finally {
      setBusy(false)
    }
  }

  const undo = async () => {
    if (!done) return
    setBusy(true)
    try {
      await api.call('merge.undo', { mergeId: done.id })
      void message.success(t('merge.undone'))
      onMerged?.(null)
      onClose()
    } catch (err) {
      if (!isApiCallError(err)) throw err
      setError(err.message)
    } finally {
      setBusy(false)
    }
  }

  const valueCell = (row: FieldRow, fromMerged: boolean) => {
    const value = fromMerged ? row.mergedValue : row.survivorValue
    const label = text.value(entityType, row.field, value)
    if (!row.differs) return <Typography.Text type="secondary">{label}</Typography.Text>
    return (
      <Radio
        checked={take.includes(row.field) === fromMerged}
        onChange={() => pick(row.field, fromMerged)}
        aria-label={t('merge.keepValue', { field: text.field(entityType, row.field), value: label })}
      >
        {label}
      </Radio>
    )
  }

  const related = data ? movingRelated(data.related) : []

  return (
    <Modal
      open
      width={760}
      title={t('merge.title', { type: t(`history.subjects.${entityType}`) })}
      onCancel={onClose}
      footer={
        done ? (
          <Flex justify="end" gap={8}>
            <Button onClick={() => void undo()} loading={busy}>
              {t('merge.undo')}
            </Button>
            <Button type="primary" onClick={onClose}>
              {t('merge.close')}
            </Button>
          </Flex>
        ) : (
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" danger loading={busy} disabled={!data} onClick={() => void apply()}>
              {t('merge.apply')}
            </Button>
          </Flex>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} className="wb-form-alert" />}
      {done ? (
        <Result status="success" title={t('merge.merged', { kept: survivorId, merged: mergedId })} subTitle={t('merge.undoHint')} />
      ) : (
        <>
          {preview.error && <Alert type="error" showIcon title={preview.error.message} />}
          <Flex justify="space-between" align="center" className="wb-merge-head">
            <Typography.Text>{t('merge.explain')}</Typography.Text>
            <Button icon={<SwapOutlined aria-hidden />} onClick={() => setPair([mergedId, survivorId])}>
              {t('merge.swap')}
            </Button>
          </Flex>
          <Table<FieldRow>
            size="small"
            rowKey="field"
            loading={!data && !preview.error}
            pagination={false}
            dataSource={data?.fields ?? []}
            columns={[
              { key: 'field', title: t('merge.field'), width: 130, render: (_, row) => text.field(entityType, row.field) },
              { key: 'survivor', title: t('merge.kept', { id: survivorId }), render: (_, row) => valueCell(row, false) },
              { key: 'merged', title: t('merge.mergedAway', { id: mergedId }), render: (_, row) => valueCell(row, true) },
            ]}
          />
          <Typography.Paragraph type="secondary" className="wb-merge-related">
            {related.length === 0
              ? t('merge.nothingMoves')
              : t('merge.moves', { list: related.map(([kind, count]) => t(`merge.related.${kind}`, { count })).join(t('merge.listSeparator')) })}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  )
}
