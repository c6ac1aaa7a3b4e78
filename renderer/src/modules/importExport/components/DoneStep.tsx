import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useHashRoute } from '../../app/hooks/useHashRoute'
import type { useImportWizard } from '../hooks/useImportWizard'
import { gridRouteOf } from '../utils/gridRoutes'

type Wizard = ReturnType<typeof useImportWizard>

/** Step 4: what the import did, a way to the imported rows, and a fresh start. */
export function DoneStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation()
  const [, navigate] = useHashRoute()
  const result = wizard.state.result
  if (!result) return null
  const { counts } = result
  return (
    <Result
      status="success"
      title={t('importExport.done.title')}
      subTitle={
        <span data-testid="import-result">
          {t('importExport.done.subtitle', { file: result.fileName, create: counts.create, update: counts.update, skip: counts.skip, reject: counts.reject })}
        </span>
      }
      extra={[
        <Button key="open" type="primary" onClick={() => navigate(gridRouteOf[result.entity])}>
          {t('importExport.done.open', { entity: t(`importExport.entities.${result.entity}`) })}
        </Button>,
        <Button key="again" onClick={wizard.startOver}>
          {t('importExport.done.another')}
        </Button>,
      ]}
    />
  )
}
