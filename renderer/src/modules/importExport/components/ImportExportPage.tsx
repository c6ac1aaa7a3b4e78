import { SwapOutlined } from '@ant-design/icons'
import { Result, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** Says plainly that the feature is coming; no buttons that do nothing. */
export function ImportExportPage() {
  const { t } = useTranslation()
  return (
    <section className="wb-page" aria-label={t('importExport.title')}>
      <Result
        icon={<SwapOutlined />}
        title={t('importExport.comingTitle')}
        subTitle={<Typography.Paragraph className="wb-readable">{t('importExport.comingBody')}</Typography.Paragraph>}
      />
    </section>
  )
}
