import { PlusOutlined, RocketOutlined } from '@ant-design/icons'
import { Button, Empty, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLoadDemo } from '../hooks/useLoadDemo'

export function EmptyWorkspace({ onCreate }: { onCreate(): void }) {
  const { t } = useTranslation()
  const { loading, loadDemo } = useLoadDemo()

  return (
    <Flex className="wb-empty-workspace" vertical align="center" justify="center">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Flex vertical gap={4} align="center">
            <strong className="wb-empty-title">{t('pipeline.emptyTitle')}</strong>
            <span className="wb-readable">{t('pipeline.emptyDescription')}</span>
          </Flex>
        }
      >
        <Flex gap={12} justify="center">
          <Button type="primary" size="large" icon={<RocketOutlined />} loading={loading} onClick={loadDemo}>
            {t('pipeline.loadDemo')}
          </Button>
          <Button size="large" icon={<PlusOutlined />} disabled={loading} onClick={onCreate}>
            {t('pipeline.newOpportunity')}
          </Button>
        </Flex>
      </Empty>
    </Flex>
  )
}
