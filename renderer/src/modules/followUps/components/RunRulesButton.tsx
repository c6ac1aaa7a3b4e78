import { ThunderboltOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AutomationReport } from '../../../../../shared/methods/loop'
import { api } from '../../../api/client'
import { useServerSave } from '../../forms/hooks/useServerSave'

/**
 * Runs the automatic rules at once instead of waiting for the next round
 * (after changing a rule, or to check a contract about to end), and says
 * what they did.
 */
export function RunRulesButton() {
  const { t } = useTranslation()
  const { notification, message } = App.useApp()
  const { saving, save } = useServerSave()

  const run = () =>
    save(
      async () => {
        const report = await api.call('automations.run', {})
        const done = (Object.entries(report) as [keyof AutomationReport, number][]).filter(([, count]) => count > 0)
        if (done.length === 0) {
          void message.success(t('followUps.rules.ranNothing'))
          return
        }
        notification.success({
          title: t('followUps.rules.ran'),
          description: (
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="rules-report">
              {done.map(([key, count]) => (
                <li key={key}>{t(`followUps.rules.report.${key}`, { count })}</li>
              ))}
            </ul>
          ),
        })
      },
      (err) => void message.error(err.message),
    )

  return (
    <Button icon={<ThunderboltOutlined />} loading={saving} onClick={() => void run()}>
      {t('followUps.rules.runNow')}
    </Button>
  )
}
