import { Card, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import { ImportHistory } from './ImportHistory'
import { ImportWizard } from './ImportWizard'

/** Import from Excel / CSV with a dry run, and the history of imports with undo. Exports live on each grid. */
export function ImportExportPage() {
  const { t } = useTranslation()
  return (
    <section className="wb-page" aria-label={t('importExport.title')}>
      <Flex vertical gap={16}>
        <Card>
          <ImportWizard />
        </Card>
        <Card title={t('importExport.history.title')}>
          <ImportHistory />
        </Card>
      </Flex>
    </section>
  )
}
