import { App, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Opportunity } from '../../../../../shared/entities'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { openRecord } from '../states/recordOpener'

/** 复购: confirms a name for the new deal, creates it linked to the won one, and opens it. */
export function useRepurchase(): (deal: Opportunity) => void {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()

  return (deal) => {
    const suggested = `${deal.name}（${t('deal.actions.repurchase')}）`
    // The dialog's input is uncontrolled; its latest text is read when the person confirms.
    let name = suggested
    modal.confirm({
      title: t('deal.repurchase.title', { name: deal.name }),
      okText: t('deal.repurchase.ok'),
      cancelText: t('common.cancel'),
      content: (
        <>
          <Typography.Paragraph type="secondary">{t('deal.repurchase.body')}</Typography.Paragraph>
          <Input aria-label={t('deal.repurchase.name')} defaultValue={suggested} maxLength={200} onChange={(e) => (name = e.target.value)} />
        </>
      ),
      onOk: async () => {
        try {
          const created = await api.call('opportunities.repurchase', { id: deal.id, name: name.trim() || undefined })
          void message.success(t('deal.repurchase.done', { name: created.name }))
          openRecord({ entityType: 'opportunity', entityId: created.id })
        } catch (err) {
          if (!isApiCallError(err)) throw err
          void message.error(err.message)
        }
      },
    })
  }
}
