import { AppstoreOutlined, DownOutlined } from '@ant-design/icons'
import { App, Button, Checkbox, Dropdown, Form, Input, Modal, type MenuProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SavedView } from '../../../../../shared/entities'
import { isApiCallError } from '../../../api/ApiCallError'
import { toViewState, type GridViewState } from '../../grid/utils/viewState'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import type { SavedViews } from '../hooks/useSavedViews'
import { ownsView, viewName } from '../utils/viewNames'

interface Props {
  saved: SavedViews
  /** The view applied now; null for the plain list. */
  current: SavedView | null
  state: GridViewState
  /** The state differs from the applied view's. */
  dirty: boolean
  /** Applies a view; with keepState the grid stays as it is (after a rename). */
  onApply(view: SavedView | null, keepState?: boolean): void
}

type Dialog = { mode: 'saveAs' | 'rename'; name: string; shared: boolean } | null

/**
 * Saved views: apply one (the four built-ins, shared ones, your own), save
 * the grid's filters, sort, columns and grouping into it, save as a new
 * view, rename, share or delete your own.
 */
export function SavedViewsMenu({ saved, current, state, dirty, onApply }: Props) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const { currentUserId } = usePreferences()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [busy, setBusy] = useState(false)
  const mine = current !== null && ownsView(current, currentUserId)

  const builtins = saved.views.filter((v) => v.builtinKey !== null)
  const shared = saved.views.filter((v) => v.builtinKey === null && v.shared && v.ownerId !== currentUserId)
  const personal = saved.views.filter((v) => v.builtinKey === null && v.ownerId === currentUserId)

  const viewItems = (views: SavedView[]) =>
    views.map((view) => ({ key: `view:${view.id}`, label: viewName(view, t) + (view.shared && view.builtinKey === null ? ` · ${t('views.sharedTag')}` : '') }))

  const items: MenuProps['items'] = [
    { key: 'none', label: t('views.all') },
    ...(builtins.length ? [{ type: 'group' as const, key: 'g-builtin', label: t('views.builtinGroup'), children: viewItems(builtins) }] : []),
    ...(shared.length ? [{ type: 'group' as const, key: 'g-shared', label: t('views.sharedGroup'), children: viewItems(shared) }] : []),
    ...(personal.length ? [{ type: 'group' as const, key: 'g-mine', label: t('views.mineGroup'), children: viewItems(personal) }] : []),
    { type: 'divider' as const },
    { key: 'save', label: t('views.save'), disabled: !mine || !dirty },
    { key: 'saveAs', label: t('views.saveAs') },
    { key: 'rename', label: t('views.rename'), disabled: !mine },
    { key: 'delete', label: t('views.delete'), disabled: !mine, danger: true },
    ...(dirty && current ? [{ key: 'revert', label: t('views.revert') }] : []),
  ]

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    try {
      await work()
    } catch (err) {
      void message.error(isApiCallError(err) ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'none') onApply(null)
    else if (key.startsWith('view:')) onApply(saved.views.find((v) => `view:${v.id}` === key) ?? null)
    else if (key === 'revert') onApply(current)
    else if (key === 'save' && current)
      void run(async () => {
        const view = await saved.save({ id: current.id, name: current.name, shared: current.shared, state: toViewState(state) })
        onApply(view)
        void message.success(t('views.saved', { name: viewName(view, t) }))
      })
    else if (key === 'saveAs') setDialog({ mode: 'saveAs', name: current && mine ? t('views.copyOf', { name: viewName(current, t) }) : '', shared: false })
    else if (key === 'rename' && current) setDialog({ mode: 'rename', name: current.name, shared: current.shared })
    else if (key === 'delete' && current)
      modal.confirm({
        title: t('views.deleteTitle', { name: viewName(current, t) }),
        okText: t('views.delete'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () =>
          run(async () => {
            await saved.remove(current.id)
            onApply(null)
          }),
      })
  }

  const submitDialog = () => {
    if (!dialog) return
    const name = dialog.name.trim()
    if (!name) return
    void run(async () => {
      const view =
        dialog.mode === 'saveAs'
          ? await saved.save({ name, shared: dialog.shared, state: toViewState(state) })
          : await saved.save({ id: current!.id, name, shared: dialog.shared, state: current!.state })
      setDialog(null)
      onApply(view, dialog.mode === 'rename')
      void message.success(t('views.saved', { name: view.name }))
    })
  }

  const title = current ? viewName(current, t) : t('views.all')
  return (
    <>
      <Dropdown menu={{ items, onClick, selectable: true, selectedKeys: [current ? `view:${current.id}` : 'none'] }} trigger={['click']}>
        <Button icon={<AppstoreOutlined />} loading={busy} aria-label={t('views.menuLabel', { name: title })} data-testid="views-menu">
          <span className="wb-view-name">{title}</span>
          {dirty && (
            <span className="wb-view-dirty" title={t('views.modified')}>
              {' '}
              ●
            </span>
          )}
          <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={dialog !== null}
        title={dialog?.mode === 'rename' ? t('views.renameTitle') : t('views.saveAsTitle')}
        okText={t('views.saveButton')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !dialog?.name.trim(), loading: busy }}
        onOk={submitDialog}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        {dialog && (
          <Form layout="vertical" onFinish={submitDialog}>
            <Form.Item label={t('views.name')} required>
              <Input
                autoFocus
                maxLength={200}
                aria-label={t('views.name')}
                value={dialog.name}
                onChange={(e) => setDialog({ ...dialog, name: e.target.value })}
                onPressEnter={submitDialog}
              />
            </Form.Item>
            <Checkbox checked={dialog.shared} onChange={(e) => setDialog({ ...dialog, shared: e.target.checked })}>
              {t('views.shareWithTeam')}
            </Checkbox>
          </Form>
        )}
      </Modal>
    </>
  )
}
