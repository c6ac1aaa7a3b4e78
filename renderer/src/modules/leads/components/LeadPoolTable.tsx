import { RollbackOutlined, UserAddOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Progress, Segmented, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lead } from '../../../../../shared/entities'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useFormatters } from '../../format/hooks/useFormatters'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useLabels } from '../../reference/hooks/useLabels'
import { poolQuery, type PoolScope } from '../utils/poolQuery'

const PAGE_SIZE = 20

/**
 * 公海: unowned open leads any rep may claim within the claim limit, and
 * the leads the current user holds, which they can release back.
 */
export function LeadPoolTable({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentUserId } = usePreferences()
  const labels = useLabels()
  const format = useFormatters()
  const [scope, setScope] = useState<PoolScope>('pool')
  const [page, setPage] = useState(1)
  const [selected, setSelected] = useState<number[]>([])
  const [busy, setBusy] = useState(false)
  const status = useApiQuery('pool.status', { userId: currentUserId ?? undefined }, { reads: ['lead'], enabled: currentUserId !== null })
  const leads = useApiQuery('leads.list', poolQuery(scope, currentUserId, page, PAGE_SIZE), { reads: ['lead'] })
  const rows = leads.data?.rows ?? []

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await action()
      void message.success(done)
      setSelected([])
    } catch (err) {
      if (!isApiCallError(err)) throw err
      void message.error(err.message)
    } finally {
      setBusy(false)
    }
  }

  const claim = () => {
    const picked = rows.filter((row) => selected.includes(row.id)).map((row) => ({ id: row.id, version: row.version }))
    void run(() => api.call('pool.claim', { rows: picked }), t('leads.pool.claimed', { count: picked.length }))
  }
  const release = (lead: Lead) => void run(() => api.call('pool.release', { id: lead.id, version: lead.version }), t('leads.pool.released'))

  const held = status.data?.held ?? 0
  const limit = status.data?.claimLimit ?? 0
  const remaining = Math.max(0, limit - held)

  return (
    <Flex vertical gap={12} className="wb-lead-pool">
      {currentUserId === null ? (
        <Alert type="info" showIcon title={t('leads.pool.pickUser')} />
      ) : (
        <Flex gap={24} align="center" wrap aria-label={t('leads.pool.statusLabel')} role="status">
          <Typography.Text>{t('leads.pool.claimingAs', { name: labels.userName(currentUserId) ?? '' })}</Typography.Text>
          <Flex gap={8} align="center">
            <Typography.Text data-testid="pool-held">{t('leads.pool.held', { held, limit })}</Typography.Text>
            <Progress percent={limit > 0 ? Math.round((held / limit) * 100) : 0} size="small" showInfo={false} style={{ width: 120 }} status={remaining === 0 ? 'exception' : 'normal'} />
          </Flex>
          <Typography.Text type="secondary">{t('leads.pool.returnRule', { days: status.data?.returnDays ?? '' })}</Typography.Text>
        </Flex>
      )}
      {leads.error && <Alert type="error" showIcon title={leads.error.message} />}
      <Flex gap={8} align="center">
        <Segmented<PoolScope>
          aria-label={t('leads.pool.scope')}
          value={scope}
          onChange={(next) => {
            setScope(next)
            setPage(1)
            setSelected([])
          }}
          options={[
            { value: 'pool', label: t('leads.pool.scopePool') },
            { value: 'mine', label: t('leads.pool.scopeMine') },
          ]}
        />
        {scope === 'pool' && (
          <Button type="primary" icon={<UserAddOutlined aria-hidden />} disabled={selected.length === 0 || currentUserId === null} loading={busy} onClick={claim}>
            {t('leads.pool.claimSelected', { count: selected.length })}
          </Button>
        )}
        <Typography.Text type="secondary">{t('grid.total', { count: format.number(leads.data?.total ?? 0) })}</Typography.Text>
      </Flex>
      <Table<Lead>
        size="small"
        rowKey="id"
        aria-label={scope === 'pool' ? t('leads.pool.scopePool') : t('leads.pool.scopeMine')}
        loading={leads.loading && !leads.data}
        dataSource={rows}
        rowSelection={scope === 'pool' ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: leads.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: scope === 'pool' ? t('leads.pool.empty') : t('leads.pool.emptyMine') }}
        columns={[
          {
            key: 'company',
            title: t('leads.fields.company'),
            render: (_, lead) => (
              <Button type="link" size="small" onClick={() => onOpen(lead.id)} aria-label={t('leads.open', { company: lead.company })}>
                {lead.company}
              </Button>
            ),
          },
          { key: 'contactName', title: t('leads.fields.contactName'), render: (_, lead) => lead.contactName },
          { key: 'source', title: t('leads.fields.source'), render: (_, lead) => labels.picklistLabel('source', lead.source) },
          { key: 'region', title: t('leads.fields.region'), render: (_, lead) => labels.picklistLabel('region', lead.region) },
          { key: 'grade', title: t('leads.fields.grade'), width: 70, render: (_, lead) => lead.grade && <Tag>{lead.grade}</Tag> },
          { key: 'score', title: t('leads.fields.score'), width: 70, render: (_, lead) => lead.score },
          { key: 'createdAt', title: t('leads.fields.createdAt'), width: 150, render: (_, lead) => format.dateTime(lead.createdAt) },
          ...(scope === 'mine'
            ? [
                {
                  key: 'release',
                  width: 120,
                  render: (_: unknown, lead: Lead) => (
                    <Button size="small" icon={<RollbackOutlined aria-hidden />} loading={busy} onClick={() => release(lead)} aria-label={t('leads.pool.releaseOne', { company: lead.company })}>
                      {t('leads.pool.release')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  )
}
