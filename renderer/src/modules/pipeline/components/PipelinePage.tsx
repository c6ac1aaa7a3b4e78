import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Spin } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../../api/useApiQuery'
import { WindowedGrid } from '../../grid/components/WindowedGrid'
import { OpportunityDetailDrawer } from '../../opportunity/components/OpportunityDetailDrawer'
import { OpportunityFormDrawer } from '../../opportunity/components/OpportunityFormDrawer'
import { isEmptyWorkspace } from '../utils/isEmptyWorkspace'
import { EmptyWorkspace } from './EmptyWorkspace'

export function PipelinePage() {
  const { t } = useTranslation()
  const stats = useApiQuery('workspace.stats', {}, { reads: ['opportunity', 'account', 'lead'] })
  const [creating, setCreating] = useState(false)
  const [openId, setOpenId] = useState<number | null>(null)

  const body = () => {
    if (stats.error && !stats.data) return <Alert type="error" showIcon title={stats.error.message} />
    if (!stats.data) return <Spin className="wb-page-spinner" />
    // The stats refetch themselves on the 'data-changed' event the demo load sends.
    if (isEmptyWorkspace(stats.data)) return <EmptyWorkspace onCreate={() => setCreating(true)} />
    return (
      <WindowedGrid
        entity="opportunity"
        label={t('pipeline.title')}
        onOpenRow={setOpenId}
        toolbarExtra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('pipeline.newOpportunity')}
          </Button>
        }
      />
    )
  }

  return (
    <section className="wb-page wb-page-fill" aria-label={t('pipeline.title')}>
      {body()}
      <OpportunityFormDrawer open={creating} onClose={() => setCreating(false)} />
      <OpportunityDetailDrawer opportunityId={openId} onClose={() => setOpenId(null)} />
    </section>
  )
}
