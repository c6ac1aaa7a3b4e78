import { App, Flex, Rate, Statistic, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../../shared/entities'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useFormatters } from '../../format/hooks/useFormatters'

/** How the account stands after the sale: money still to collect, overdue, and its satisfaction (1–5). */
export function AccountStanding({ account }: { account: Account }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormatters()
  const contracts = useApiQuery('contracts.list', { accountId: account.id }, { reads: ['contract', 'payment'] })
  const totals = contracts.data?.totals

  const rate = async (satisfaction: number) => {
    if (satisfaction < 1) return
    try {
      await api.call('accounts.rateSatisfaction', { id: account.id, version: account.version, satisfaction })
      void message.success(t('deal.account.rated'))
    } catch (err) {
      if (!isApiCallError(err)) throw err
      void message.error(err.message)
    }
  }

  return (
    <Flex gap={32} wrap align="end" className="wb-section-title">
      <Statistic title={t('deal.account.outstanding')} value={totals ? format.money(totals.balance, totals.baseCurrency) : t('common.empty')} />
      <Statistic
        title={t('deal.account.overdue')}
        value={totals ? format.money(totals.overdue, totals.baseCurrency) : t('common.empty')}
        styles={{ content: totals && totals.overdue > 0 ? { color: '#cf1322' } : undefined }}
      />
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{t('deal.account.satisfaction')}</Typography.Text>
        <Rate aria-label={t('deal.account.satisfaction')} value={account.satisfaction ?? 0} onChange={(value) => void rate(value)} />
      </Flex>
    </Flex>
  )
}
