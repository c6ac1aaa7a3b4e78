import { App } from 'antd'
import { useEffect, useEffectEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MenuMessage } from '../../../../../shared/client'
import { api } from '../../../api/client'
import { exportCurrentGrid } from '../../importExport/utils/currentGridExport'
import { useLoadDemo } from '../../pipeline/hooks/useLoadDemo'
import type { Route } from '../utils/routes'

/**
 * Carries out the Electron menu's window commands. The web host has no menu,
 * so there this does nothing. Backups are written by the main process itself.
 */
export function useMenuCommands(navigate: (route: Route) => void): void {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const { loadDemo } = useLoadDemo()

  const run = useEffectEvent(async ({ command }: MenuMessage) => {
    if (command === 'import') navigate('import-export')
    // Export writes the grid on screen as shown; with no grid showing, the import/export screen.
    if (command === 'export' && !exportCurrentGrid()) navigate('import-export')
    if (command === 'load-demo') {
      navigate('pipeline')
      await loadDemo()
    }
    if (command === 'about') {
      const info = await api.call('app.info', {})
      modal.info({
        title: t('app.title'),
        content: (
          <div className="wb-pre-wrap">
            {t('app.about', { version: info.version, schema: info.schemaVersion, path: info.dbPath })}
          </div>
        ),
      })
    }
  })

  useEffect(() => window.workbench?.onMenu?.((message) => void run(message)), [])
}
