import { SearchOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Flex, Input, Modal, Spin, Tag, Typography } from 'antd'
import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchHit } from '../../../../../shared/methods/loop'
import { useApiQuery } from '../../../api/useApiQuery'
import { useDebounced } from '../../leads/hooks/useDebounced'
import { useSearchShortcut } from '../hooks/useSearchShortcut'
import { flattenHits, moveActive } from '../utils/resultList'
import { RecordDrawer, type OpenRecord } from './RecordDrawer'
import '../styles/search.css'

const SEARCH_DELAY_MS = 200
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * The header's search button and the Ctrl+K dialog: accounts, contacts,
 * leads and deals by name, company, phone or email; arrows and Enter open one.
 */
export function GlobalSearch() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const [record, setRecord] = useState<OpenRecord | null>(null)
  const query = useDebounced(text.trim(), SEARCH_DELAY_MS)
  const search = useApiQuery(
    'search.global',
    { query: query || '-', limit: 5 },
    { reads: ['account', 'contact', 'lead', 'opportunity'], enabled: open && query !== '' },
  )
  useSearchShortcut(() => setOpen(true))

  const groups = query !== '' ? (search.data?.groups ?? []) : []
  const hits = flattenHits(groups)
  const current = Math.min(active, Math.max(0, hits.length - 1))

  const close = () => {
    setOpen(false)
    setText('')
    setActive(0)
  }
  const choose = (hit: SearchHit) => {
    close()
    setRecord(hit)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setActive(moveActive(current, hits.length, event.key))
    } else if (event.key === 'Enter' && hits[current] && query === text.trim()) {
      event.preventDefault()
      choose(hits[current])
    }
  }

  const optionId = (hit: SearchHit) => `wb-search-${hit.entityType}-${hit.id}`

  return (
    <>
      <Button icon={<SearchOutlined aria-hidden />} onClick={() => setOpen(true)} aria-keyshortcuts="Control+K Meta+K">
        {t('search.button')} <Typography.Text keyboard>{isMac ? '⌘K' : 'Ctrl K'}</Typography.Text>
      </Button>
      <Modal open={open} onCancel={close} footer={null} title={t('search.title')} width={640} destroyOnHidden>
        <Input
          autoFocus
          size="large"
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('search.placeholder')}
          aria-label={t('search.input')}
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="wb-search-results"
          aria-activedescendant={hits[current] ? optionId(hits[current]) : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
        />
        {search.error && <Alert type="error" showIcon title={search.error.message} />}
        <div id="wb-search-results" role="listbox" aria-label={t('search.results')} className="wb-search-results">
          {query !== '' && search.loading && !search.data && <Spin />}
          {query !== '' && search.data && hits.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.none')} />}
          {groups
            .filter((group) => group.items.length > 0)
            .map((group) => (
              <div key={group.entityType} role="group" aria-label={t(`search.groups.${group.entityType}`)}>
                <Typography.Text type="secondary" className="wb-search-group">
                  {t(`search.groups.${group.entityType}`)}
                  {group.more && ` · ${t('search.more')}`}
                </Typography.Text>
                {group.items.map((hit) => {
                  const position = hits.indexOf(hit)
                  const selected = position === current
                  return (
                    <div
                      key={optionId(hit)}
                      id={optionId(hit)}
                      role="option"
                      aria-selected={selected}
                      className={selected ? 'wb-search-hit wb-search-hit-active' : 'wb-search-hit'}
                      onMouseEnter={() => setActive(position)}
                      onClick={() => choose(hit)}
                    >
                      <Flex justify="space-between" gap={12}>
                        <Flex gap={8} align="baseline" className="wb-search-hit-main">
                          <Typography.Text strong>{hit.title}</Typography.Text>
                          {hit.subtitle && <Typography.Text type="secondary">{hit.subtitle}</Typography.Text>}
                        </Flex>
                        <Flex gap={8}>
                          {hit.phone && <Typography.Text type="secondary">{hit.phone}</Typography.Text>}
                          {hit.email && <Typography.Text type="secondary">{hit.email}</Typography.Text>}
                          <Tag>{t(`history.subjects.${hit.entityType}`)}</Tag>
                        </Flex>
                      </Flex>
                    </div>
                  )
                })}
              </div>
            ))}
        </div>
      </Modal>
      {record && <RecordDrawer record={record} onClose={() => setRecord(null)} />}
    </>
  )
}
