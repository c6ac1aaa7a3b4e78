import { App, Button, Card, DatePicker, Flex, InputNumber, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CurrencyRates } from '../../../../../shared/methods/analytics'
import type { ApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

/** Settings › Targets & rates: monthly targets per owner and for the team, and the currency rates amounts are converted at. */
export function TargetsAndRates() {
  const rates = useApiQuery('currencyRates.get', {}, { reads: [] })
  return (
    <Flex vertical gap={16}>
      <TargetsCard currency={rates.data?.baseCurrency ?? 'CNY'} />
      {/* Keyed by the stored rates, so a save (or another window's) starts a fresh draft. */}
      {rates.data && <RatesCard key={JSON.stringify(rates.data)} rates={rates.data} onSaved={rates.refetch} />}
    </Flex>
  )
}

interface TargetRow {
  key: string
  ownerId: number | null
  name: string
}

const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'))

function TargetsCard({ currency }: { currency: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { users } = useReferenceData()
  const labels = useLabels()
  const [year, setYear] = useState(() => dayjs().year())
  const targets = useApiQuery('targets.list', { from: `${year}-01`, to: `${year}-12` }, { reads: [] })

  const byCell = useMemo(() => new Map((targets.data ?? []).map((s) => [`${s.ownerId ?? 0}|${s.month}`, s.amount])), [targets.data])
  const rows: TargetRow[] = [
    { key: 'team', ownerId: null, name: t('dashboard.settings.team') },
    ...users.filter((u) => u.active).map((u) => ({ key: String(u.id), ownerId: u.id, name: labels.userName(u.id) ?? u.name })),
  ]

  const save = async (ownerId: number | null, month: string, amount: number | null) => {
    if ((byCell.get(`${ownerId ?? 0}|${month}`) ?? null) === amount) return
    try {
      await api.call('targets.set', { rows: [{ month, ownerId, amount }] })
      targets.refetch()
    } catch (error) {
      message.error((error as ApiCallError).message)
    }
  }

  return (
    <Card
      size="small"
      title={t('dashboard.settings.targets')}
      extra={
        <DatePicker
          picker="year"
          aria-label={t('dashboard.settings.year')}
          allowClear={false}
          value={dayjs(`${year}-01-01`)}
          onChange={(d) => d && setYear(d.year())}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        {t('dashboard.settings.amount', { currency })} · {t('dashboard.settings.clearHint')}
      </Typography.Paragraph>
      <Table<TargetRow>
        size="small"
        aria-label={t('dashboard.settings.targets')}
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { key: 'owner', title: t('dashboard.settings.owner'), dataIndex: 'name', fixed: 'left', width: 120 },
          ...months.map((mm) => {
            const month = `${year}-${mm}`
            return {
              key: month,
              title: month,
              width: 120,
              render: (_: unknown, row: TargetRow) => (
                <TargetCell
                  key={`${month}|${byCell.get(`${row.ownerId ?? 0}|${month}`) ?? ''}`}
                  label={`${row.name} ${month}`}
                  value={byCell.get(`${row.ownerId ?? 0}|${month}`) ?? null}
                  onCommit={(amount) => void save(row.ownerId, month, amount)}
                />
              ),
            }
          }),
        ]}
      />
    </Card>
  )
}

/** One month's target: edited in place, written when the person leaves the cell or presses Enter. */
function TargetCell({ label, value, onCommit }: { label: string; value: number | null; onCommit(amount: number | null): void }) {
  const [draft, setDraft] = useState<number | null>(value)
  return (
    <InputNumber<number>
      size="small"
      min={0}
      aria-label={label}
      value={draft}
      onChange={setDraft}
      onBlur={() => onCommit(draft)}
      onPressEnter={() => onCommit(draft)}
      style={{ width: '100%' }}
    />
  )
}

type Rate = CurrencyRates['rates'][number]

function RatesCard({ rates, onSaved }: { rates: CurrencyRates; onSaved(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [draft, setDraft] = useState<Rate[]>(rates.rates)
  const [saving, setSaving] = useState(false)

  const save = async () => {
    setSaving(true)
    try {
      await api.call('currencyRates.update', { rates: draft })
      message.success(t('dashboard.settings.ratesSaved'))
      onSaved()
    } catch (error) {
      message.error((error as ApiCallError).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card
      size="small"
      title={t('dashboard.settings.rates')}
      extra={
        <Button type="primary" loading={saving} onClick={() => void save()}>
          {t('dashboard.settings.save')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('dashboard.settings.baseCurrency', { currency: rates.baseCurrency })}</Typography.Paragraph>
      <Table<Rate>
        size="small"
        aria-label={t('dashboard.settings.rates')}
        rowKey="currency"
        pagination={false}
        dataSource={draft}
        columns={[
          { key: 'currency', title: t('dashboard.settings.currency'), dataIndex: 'currency' },
          {
            key: 'rate',
            title: t('dashboard.settings.rate'),
            render: (_, row) => (
              <InputNumber<number>
                size="small"
                min={0.000001}
                aria-label={`${t('dashboard.settings.rate')} ${row.currency}`}
                value={row.rate}
                disabled={row.currency === rates.baseCurrency}
                onChange={(rate) => rate && setDraft((all) => all.map((r) => (r.currency === row.currency ? { ...r, rate } : r)))}
              />
            ),
          },
        ]}
      />
    </Card>
  )
}
