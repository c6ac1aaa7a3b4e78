import { MergeOutlined } from '@ant-design/icons'
import { Button, Tooltip } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GridEntity } from '../../../../../shared/enums'
import { MergeEntity } from '../../../../../shared/methods/loop'
import { MergeDialog } from './MergeDialog'

interface Props {
  entity: GridEntity
  /** Ids of the selected rows; the button works when there are exactly two. */
  selectedIds: readonly number[]
}

/** The grid's merge action for leads, contacts and accounts; nothing for other lists. */
export function MergeRowsButton({ entity, selectedIds }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<readonly [number, number] | null>(null)
  const mergeEntity = MergeEntity.safeParse(entity)
  if (!mergeEntity.success) return null
  const pair = selectedIds.length === 2 ? ([selectedIds[0]!, selectedIds[1]!] as const) : null

  return (
    <>
      <Tooltip title={t('merge.actionHint')}>
        <Button icon={<MergeOutlined aria-hidden />} disabled={!pair} onClick={() => setOpen(pair)}>
          {t('merge.action')}
        </Button>
      </Tooltip>
      {open && <MergeDialog entityType={mergeEntity.data} ids={open} onClose={() => setOpen(null)} />}
    </>
  )
}
